import { Link, useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { SafeForm } from './forms'
import { useRootData, useT } from './i18n'
import { LanguageSwitch } from './language-switch'
import { QuickExit } from './quick-exit'
import { HelpButton } from './crisis/help-button'

/**
 * The site header, phone first (issue 18): one sticky row with the name, "I need help now", a menu button and
 * Quick exit at the right edge, where a thumb reaches it. The menu is a <details> element, so it opens without
 * JavaScript; from 48rem on the menu's content is always shown in the row and the button is gone (app.css).
 */
export function SiteHeader() {
  const { account, unreadMessages } = useRootData()
  const t = useT()
  const { pathname } = useLocation()
  const menu = useRef<HTMLDetailsElement>(null)
  // A page change closes the phone menu, so the new page is not covered by it.
  useEffect(() => {
    if (menu.current) menu.current.open = false
  }, [pathname])
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        <img src="/favicon.svg" alt="" className="brand-mark" width="32" height="32" />
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      <details className="site-menu" ref={menu} data-testid="site-menu">
        <summary className="site-menu-button">{t('nav.menu')}</summary>
        <div className="site-menu-panel">
          <nav aria-label={t('nav.primary')} className="primary-nav">
            <ul>
              {account ? (
                <>
                  <li>
                    <Link to="/rooms">{t('nav.rooms')}</Link>
                  </li>
                  <li>
                    <Link to="/groups">{t('nav.groups')}</Link>
                  </li>
                  <li>
                    <Link to="/care">{t('nav.care')}</Link>
                  </li>
                  <li>
                    <Link to="/messages">
                      {t('nav.messages')}
                      {unreadMessages > 0 ? (
                        <span className="nav-count" data-testid="nav-unread">
                          {' '}
                          <span aria-hidden="true">{unreadMessages}</span>
                          <span className="visually-hidden">{t('nav.unread', { count: unreadMessages })}</span>
                        </span>
                      ) : null}
                    </Link>
                  </li>
                  <li>
                    <Link to="/library">{t('nav.library')}</Link>
                  </li>
                  {account.role === 'facilitator' || account.role === 'admin' ? (
                    <li>
                      <Link to="/moderation">{t('nav.moderation')}</Link>
                    </li>
                  ) : null}
                  <li>
                    <Link to="/account">{t('nav.account')}</Link>
                  </li>
                  <li>
                    <SafeForm action="/signout">
                      <button type="submit" className="link-button">
                        {t('nav.signOut')}
                      </button>
                    </SafeForm>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <Link to="/signin">{t('nav.signIn')}</Link>
                  </li>
                  <li>
                    <Link to="/signup">{t('nav.signUp')}</Link>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </details>
      <HelpButton />
      <QuickExit />
    </header>
  )
}
