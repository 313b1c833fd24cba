import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { AppError, homeworkSchema, library, reflectionSchema } from '../services.server'
import { Field, FormError, SafeForm, SubmitButton, TextAreaField } from '../components/forms'
import { useT } from '../components/i18n'
import { requireUser } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/library.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  try {
    // The "set homework" form carries the page's one-time token (SafeForm): the same form sent twice sets nothing twice.
    return await library.getHomeworkPage(context.deps, account, params.groupId ?? '')
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    throw error
  }
}

type Notice = 'created' | 'saved' | 'deleted' | 'done' | 'undone' | 'reflection' | 'reflectionWithdrawn'
type Done = { ok: true; notice: `homework.notice.${Notice}`; createdId?: string }

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const groupId = params.groupId ?? ''
  const intent = z
    .enum(['create', 'update', 'delete', 'done', 'undo', 'reflect', 'withdraw-reflection'])
    .safeParse(form.get('intent'))
  if (!intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  const homeworkId = String(form.get('homeworkId') ?? '')
  const done = (notice: Notice): Done => ({ ok: true, notice: `homework.notice.${notice}` })
  const deps = context.deps
  try {
    switch (intent.data) {
      case 'create': {
        const parsed = parseForm(homeworkSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'create' })
        let createdId: string
        try {
          createdId = await library.createHomework(
            deps,
            account,
            groupId,
            parsed.data,
            String(form.get('formToken') ?? ''),
          )
        } catch (error) {
          if (error instanceof AppError && error.code === 'CONFLICT')
            return formFailure({ ok: false, formError: 'homework_already_set' }, 409)
          throw error
        }
        return { ...done('created'), createdId }
      }
      case 'update': {
        const parsed = parseForm(homeworkSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: `edit:${homeworkId}` })
        await library.updateHomework(deps, account, groupId, homeworkId, parsed.data)
        return done('saved')
      }
      case 'delete':
        await library.deleteHomework(deps, account, groupId, homeworkId)
        return done('deleted')
      case 'done':
      case 'undo':
        await library.setHomeworkDone(deps, account, groupId, homeworkId, intent.data === 'done')
        return done(intent.data === 'done' ? 'done' : 'undone')
      case 'reflect': {
        const parsed = parseForm(reflectionSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: `reflect:${homeworkId}` })
        await library.saveReflection(deps, account, groupId, homeworkId, parsed.data.reflection)
        return done('reflection')
      }
      case 'withdraw-reflection':
        await library.saveReflection(deps, account, groupId, homeworkId, null)
        return done('reflectionWithdrawn')
    }
  } catch (error) {
    return failureFromError(context, error)
  }
}

type Page = Awaited<ReturnType<typeof loader>>

function HomeworkFields({
  values,
  zone,
  errors,
}: {
  values?: Page['homework'][number]
  zone: string
  errors?: Record<string, string>
}) {
  const t = useT()
  return (
    <>
      <Field
        label={t('homework.field.title')}
        name="title"
        type="text"
        required
        minLength={3}
        maxLength={120}
        defaultValue={values?.title}
        error={errors?.title}
      />
      <TextAreaField
        label={t('homework.field.instructions')}
        name="instructions"
        required
        maxLength={5000}
        rows={5}
        defaultValue={values?.instructions}
        error={errors?.instructions}
      />
      <Field
        label={t('homework.dueInZone', { zone: zone.replace(/_/g, ' ') })}
        name="dueLocal"
        type="datetime-local"
        required
        defaultValue={values?.dueLocal}
        error={errors?.dueLocal}
      />
      <TextAreaField
        label={t('homework.field.reflectionPrompt')}
        name="reflectionPrompt"
        maxLength={500}
        defaultValue={values?.reflectionPrompt ?? ''}
        error={errors?.reflectionPrompt}
      />
    </>
  )
}

export default function Homework() {
  const t = useT()
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as Done | FormResult | undefined
  const failed = result && !result.ok ? result : undefined
  const isFacilitator = page.viewerRole === 'facilitator'
  return (
    <>
      <p>
        <Link to={`/groups/${page.group.id}`}>← {page.group.title}</Link>
      </p>
      <h1>{t('homework.title')}</h1>
      <p>{t('homework.intro')}</p>
      {!isFacilitator ? <p className="help">{t('homework.privacy')}</p> : null}
      <p className="help">
        {t('homework.zoneNote', {
          zone: page.viewerTimeZone.replace(/_/g, ' '),
          groupZone: page.group.timeZone.replace(/_/g, ' '),
        })}
      </p>
      {result?.ok ? (
        <p className="notice" role="status">
          {t(result.notice)}
        </p>
      ) : null}
      {failed && !failed.kind ? <FormError code={failed.formError} /> : null}

      {isFacilitator ? (
        <section className="card" aria-labelledby="set-homework">
          <h2 id="set-homework">{t('homework.create.title')}</h2>
          {/* Remounted after each homework it set, so it is empty again (without JavaScript the page is new anyway). */}
          <SafeForm key={result?.ok && 'createdId' in result ? result.createdId : 'new'}>
            <input type="hidden" name="intent" value="create" />
            <HomeworkFields
              zone={page.group.timeZone}
              errors={failed?.kind === 'create' ? failed.fieldErrors : undefined}
            />
            <SubmitButton>{t('homework.create.submit')}</SubmitButton>
          </SafeForm>
        </section>
      ) : null}

      {page.homework.length === 0 ? <p>{t('homework.empty')}</p> : null}
      <ul className="homework-list">
        {page.homework.map((h) => (
          <li key={h.id} className="card homework-item" data-testid="homework-item">
            <h2>{h.title}</h2>
            <p className="homework-meta">
              <span>{t('homework.due', { when: h.dueLabel })}</span>
              {h.mine ? (
                <span className={`badge ${h.mine.done ? 'done' : ''}`}>
                  {h.mine.done ? t('homework.done') : t('homework.notDone')}
                </span>
              ) : null}
              {h.overdue ? <span className="badge overdue">{t('homework.overdue')}</span> : null}
            </p>
            <p className="homework-text">{h.instructions}</p>
            {h.reflectionPrompt ? (
              <p>
                <strong>{t('homework.reflection.question')}:</strong> {h.reflectionPrompt}
              </p>
            ) : null}

            {h.mine ? (
              <>
                {h.mine.doneLabel ? <p className="help">{t('homework.doneAt', { when: h.mine.doneLabel })}</p> : null}
                <SafeForm>
                  <input type="hidden" name="homeworkId" value={h.id} />
                  <input type="hidden" name="intent" value={h.mine.done ? 'undo' : 'done'} />
                  <SubmitButton
                    className={h.mine.done ? 'button' : 'button primary'}
                    aria-label={`${h.mine.done ? t('homework.undo') : t('homework.markDone')}: ${h.title}`}
                  >
                    {h.mine.done ? t('homework.undo') : t('homework.markDone')}
                  </SubmitButton>
                </SafeForm>
                <SafeForm>
                  <input type="hidden" name="homeworkId" value={h.id} />
                  <input type="hidden" name="intent" value="reflect" />
                  <TextAreaField
                    label={t('homework.reflection.label')}
                    help={h.mine.reflection ? t('homework.reflection.shared') : undefined}
                    name="reflection"
                    required
                    maxLength={5000}
                    defaultValue={h.mine.reflection ?? ''}
                    error={failed?.kind === `reflect:${h.id}` ? failed.fieldErrors?.reflection : undefined}
                  />
                  <SubmitButton className="button">{t('homework.reflection.save')}</SubmitButton>
                </SafeForm>
                {h.mine.reflection ? (
                  <SafeForm>
                    <input type="hidden" name="homeworkId" value={h.id} />
                    <input type="hidden" name="intent" value="withdraw-reflection" />
                    <button type="submit" className="link-button">
                      {t('homework.reflection.withdraw')}
                    </button>
                  </SafeForm>
                ) : null}
              </>
            ) : null}

            {h.progress ? (
              <>
                <h3>{t('homework.progress.heading')}</h3>
                <p data-testid="homework-progress">
                  {t('homework.progress', { done: h.progress.doneCount, total: h.progress.memberCount })}
                </p>
                {h.progress.entries.length === 0 ? <p className="help">{t('homework.progress.none')}</p> : null}
                <ul className="homework-progress">
                  {h.progress.entries.map((e) => (
                    <li key={e.pseudonym}>
                      <strong>{e.pseudonym}</strong> —{' '}
                      {e.done ? t('homework.progress.done') : t('homework.progress.notDone')}
                      {e.reflection ? (
                        <p className="reflection">
                          <span className="visually-hidden">{t('homework.progress.reflection')}: </span>
                          {e.reflection}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
                <details open={failed?.kind === `edit:${h.id}` || undefined}>
                  <summary>{t('homework.edit')}</summary>
                  <SafeForm>
                    <input type="hidden" name="intent" value="update" />
                    <input type="hidden" name="homeworkId" value={h.id} />
                    <HomeworkFields
                      values={h}
                      zone={page.group.timeZone}
                      errors={failed?.kind === `edit:${h.id}` ? failed.fieldErrors : undefined}
                    />
                    <SubmitButton>{t('homework.edit.submit')}</SubmitButton>
                  </SafeForm>
                  <SafeForm>
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="homeworkId" value={h.id} />
                    <button type="submit" className="button danger">
                      {t('homework.delete')}
                    </button>
                  </SafeForm>
                </details>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  )
}
