import { groupsEn } from './groups.en'
import { chatEn } from './chat.en'
import { crisisEn } from './crisis.en'
import { moderationEn } from './moderation.en'
import { messagesEn } from './messages.en'
import { libraryEn } from './library.en'
import { selfcareEn } from './selfcare.en'
import { resilienceEn } from './resilience.en'
import { measuresEn } from './measures.en'
import { sessionnotesEn } from './sessionnotes.en'
import { timeEn } from './time.en'
import { noticesEn } from './notices.en'
import { layoutEn } from './layout.en'
import { roomhoursEn } from './roomhours.en'
import { reactionsEn } from './reactions.en'
import { legalEn } from './legal.en'
import { formsEn } from './forms.en'
import { videoEn } from './video.en'

/** English strings. Every key here must exist in pl.ts too (app/i18n/i18n.test.ts checks). */
export const en = {
  'app.name': 'Holdspace',
  'app.tagline': 'Peer support and therapist-led groups, online, under a name you choose.',
  'nav.skip': 'Skip to main content',
  'nav.home': 'Home',
  'nav.rooms': 'Rooms',
  'nav.care': 'Self-care',
  'nav.messages': 'Messages',
  'nav.library': 'Library',
  'nav.unread': '({count} unread)',
  'nav.account': 'Account',
  'nav.signIn': 'Sign in',
  'nav.signUp': 'Join',
  'nav.signOut': 'Sign out',
  'nav.language': 'Language',
  'nav.primary': 'Main',
  'quickExit.button': 'Quick exit',
  'quickExit.hint': 'Leave this site at once (or press Esc)',
  'landing.title': 'A safe place to talk, whenever you need it',
  'landing.intro':
    'Holdspace brings people together in moderated support rooms, open day and night, and in small groups led by licensed therapists. You take part under a pseudonym, in the way that suits you: video, audio only, or chat.',
  'landing.point.rooms.title': 'Peer rooms, 24/7',
  'landing.point.rooms.body':
    'Topic rooms for anxiety, low mood, grief, parenting and loneliness, watched over by trained facilitators.',
  'landing.point.groups.title': 'Therapist-led groups',
  'landing.point.groups.body': 'Small scheduled groups led by facilitators whose licences we have checked.',
  'landing.point.privacy.title': 'Private by design',
  'landing.point.privacy.body':
    'Other members only ever see your pseudonym. You can join without an email address, export your data, or delete your account.',
  'landing.point.crisis.title': 'Help in a crisis',
  'landing.point.crisis.body':
    'If you may be in danger, crisis lines are shown at once and an on-call clinician is alerted.',
  'landing.emergency':
    'If you are in immediate danger, call your local emergency number now (112 in the EU, 911 in the US, 999 in the UK).',
  'landing.cta.join': 'Join Holdspace',
  'landing.cta.signIn': 'I already have an account',
  'signup.title': 'Join Holdspace',
  'signup.choose': 'How would you like to join?',
  'signup.anonymous.label': 'Anonymously',
  'signup.anonymous.help':
    'No email needed. You get a username and a one-time recovery code; keep the code safe, it is the only way back in if you forget your password.',
  'signup.registered.label': 'With an email address',
  'signup.registered.help':
    'We only use your email to let you reset your password. Emails never mention why you use Holdspace.',
  'signup.email': 'Email address',
  'signup.password': 'Password (at least 10 characters)',
  'signup.consent.title': 'Your health-related data',
  'signup.consent.body':
    'What you write in Holdspace may say something about your health. We process it only to run the service: to show it to the people in your rooms and groups, to keep rooms safe, and to get you urgent help if you may be in danger. Other members see only your pseudonym. You can export or delete your data at any time.',
  'signup.consent.label': 'I agree that Holdspace may process health-related data about me for these purposes.',
  'signup.submit': 'Create my account',
  'signup.created.title': 'Your account is ready',
  'signup.created.username': 'Your username',
  'signup.created.code': 'Your recovery code',
  'signup.created.codeHelp':
    'Write this code down or store it in a password manager. It is shown only once. With it you can get back into your account if you forget your password.',
  'signup.created.continue': 'I have saved my code — continue',
  'signup.checkEmail.title': 'Check your email to continue',
  'signup.checkEmail.body':
    'We have sent a message to the address you gave. Open the link in it to continue; it works once and expires in 24 hours. If nothing arrives within a few minutes, look in your spam folder.',
  'signupConfirm.title': 'Confirm your account',
  'signupConfirm.body':
    'Press the button to finish creating your account. Next you will see your username and a recovery code to keep.',
  'signupConfirm.submit': 'Finish creating my account',
  'signupConfirm.missing': 'This link is incomplete. Open the link from the email again, or sign up again.',
  'signin.title': 'Sign in',
  'signin.login': 'Email or username',
  'signin.password': 'Password',
  'signin.submit': 'Sign in',
  'signin.forgot': 'Forgot your password?',
  'signin.recover': 'Use a recovery code',
  'signin.noAccount': 'New here? Join Holdspace',
  'signin.retryAfterSeconds':
    'You can try again from here in {seconds} seconds. Your password works as usual from your own device.',
  'signin.retryAfterMinutes':
    'You can try again from here in {minutes} minutes. Your password works as usual from your own device.',
  'recover.title': 'Sign in with a recovery code',
  'recover.login': 'Username (or email)',
  'recover.code': 'Recovery code',
  'recover.password': 'New password (at least 10 characters)',
  'recover.submit': 'Recover my account',
  'recover.done.title': 'You are back in',
  'recover.done.body': 'Your old recovery code no longer works. Here is your new one — it is shown only once.',
  'forgot.title': 'Reset your password',
  'forgot.help':
    'Enter the email address of your account. If it belongs to an account, we will send a link to choose a new password. Anonymous accounts use their recovery code instead.',
  'forgot.email': 'Email address',
  'forgot.submit': 'Send the link',
  'forgot.sent':
    'If that address belongs to an account, a link is on its way. It works once and expires in 30 minutes.',
  'reset.title': 'Choose a new password',
  'reset.password': 'New password (at least 10 characters)',
  'reset.submit': 'Save my new password',
  'account.title': 'Your account',
  'account.signedInAs': 'Signed in as',
  'account.kind.anonymous': 'Anonymous account',
  'account.kind.registered': 'Account with email',
  'account.role': 'Role',
  'account.prefs.title': 'Preferences',
  'account.prefs.language': 'Language',
  'account.prefs.pseudonym': 'When I enter a new room',
  'account.prefs.pseudonym.ask': 'Ask me to choose a pseudonym',
  'account.prefs.pseudonym.generate': 'Give me a generated pseudonym',
  'account.prefs.save': 'Save preferences',
  'account.prefs.saved': 'Preferences saved.',
  'account.sensitive.title': 'Emergency contact (optional)',
  'account.sensitive.help':
    'Stored encrypted. Never shown to other members. Only an on-call clinician can open it, if you may be in danger, and every opening is recorded.',
  'account.sensitive.legalName': 'Your legal name',
  'account.sensitive.emergencyContact': 'Emergency contact (name and phone)',
  'account.sensitive.stored': 'stored',
  'account.sensitive.notStored': 'not stored',
  'account.sensitive.save': 'Save securely',
  'account.sensitive.saved': 'Saved securely.',
  'account.sensitive.replaceHint':
    'For your safety we never show stored values. Enter new values to replace them, or leave both empty to remove them.',
  'account.export.title': 'Your data',
  'account.export.help': 'Download everything we hold about your account as a JSON file.',
  'account.export.button': 'Export my data',
  'account.signOutEverywhere': 'Sign out on all devices',
  'account.delete.title': 'Delete my account',
  'account.delete.help': 'This removes your account and signs you out everywhere. It cannot be undone.',
  'account.delete.password': 'Confirm with your password',
  'account.delete.button': 'Delete my account for good',
  'account.deleted': 'Your account has been deleted.',
  'role.member': 'Member',
  'role.facilitator': 'Facilitator',
  'role.clinician': 'Clinician',
  'role.admin': 'Admin',
  'form.required': 'This is required.',
  'form.working': 'Working…',
  'error.email_invalid': 'Enter a valid email address.',
  'error.password_too_short': 'Use at least 10 characters.',
  'error.password_too_long': 'Use at most 200 characters.',
  'error.password_required': 'Enter your password.',
  'error.login_required': 'Enter your email or username.',
  'error.code_invalid': 'Enter the whole recovery code.',
  'error.consent_required': 'Please read and accept how we handle your data.',
  'error.BAD_REQUEST': 'The request could not be understood.',
  'error.VALIDATION_FAILED': 'Some of the input is not valid.',
  'error.UNAUTHENTICATED': 'Please sign in.',
  'error.FORBIDDEN': 'You are not allowed to do that.',
  'error.NOT_FOUND': 'We could not find that page.',
  'error.CONFLICT': 'That conflicts with the current state. Please try again.',
  'error.RATE_LIMITED': 'Too many attempts. Please wait a few minutes and try again.',
  'error.TOO_MANY_CONNECTIONS':
    'This sign-in has too many open tabs or windows. Close some of them and reload this page.',
  'error.CSRF_FAILED': 'The form expired. Please reload the page and try again.',
  'error.INVALID_CREDENTIALS': 'Those sign-in details did not match.',
  'error.INVALID_RECOVERY_CODE': 'That username and recovery code did not match.',
  'error.INVALID_RESET_TOKEN': 'That link has expired or was already used. You can ask for a new one.',
  'error.INVALID_SIGNUP_LINK': 'That link has expired or was already used. You can sign up again.',
  'error.CONSENT_REQUIRED': 'Please read and accept how we handle your data.',
  'error.LEADS_GROUPS':
    'You lead a group, so this account cannot be deleted yet. Please write to the people who run this Holdspace so the group can be handed over or closed first. Nothing was deleted.',
  'error.PAYLOAD_TOO_LARGE': 'That is too large.',
  'error.UNAVAILABLE': 'The service is busy. Please try again shortly.',
  'error.INTERNAL': 'Something went wrong on our side. Please try again.',
  'error.page.title': 'Something went wrong',
  'error.page.home': 'Go to the home page',
  'footer.emergency': 'In an emergency call 112 (EU), 911 (US) or 999 (UK).',
  'footer.privacy': 'No trackers. No ads.',
  ...chatEn,
  ...crisisEn,
  ...groupsEn,
  ...moderationEn,
  ...messagesEn,
  ...libraryEn,
  ...selfcareEn,
  ...resilienceEn,
  ...measuresEn,
  ...sessionnotesEn,
  ...timeEn,
  ...noticesEn,
  ...layoutEn,
  ...roomhoursEn,
  ...reactionsEn,
  ...legalEn,
  ...formsEn,
  ...videoEn,
} as const

export type MessageKey = keyof typeof en
