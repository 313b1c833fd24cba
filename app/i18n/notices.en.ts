/** Honest notices: why a message was refused, and moderation reaching the member live (issue 18). */
export const noticesEn = {
  'notice.refused.personal_data':
    'Not sent: it contains contact details (a phone number, e-mail or home address). For your safety, please leave them out and send it again.',
  'notice.refused.contact_request':
    'Not sent: swapping contacts outside Holdspace is not allowed here. Please send it without that part.',
  'notice.refused.spam_repeat':
    'Not sent: you have already sent this message several times. The group can still see your earlier ones.',
  'notice.refused.spam_links': 'Not sent: it has too many links. Please send fewer links.',
  'notice.refused.spam_shouting': 'Not sent: it is mostly capital letters. Please write it in ordinary case.',
  'notice.refused.slur':
    'Not sent: it uses a slur against someone. Everyone here deserves to feel safe; please say it another way.',
  'notice.refused.harassment':
    'Not sent: it reads as an insult or harassment aimed at members. Please say it another way.',
  'notice.refused.other': 'Not sent: it breaks the room’s rules. Please rephrase it and try again.',
  'notice.refused.muted': 'Not sent: a facilitator has muted you in this room until {until}.',
  'notice.refused.banned': 'Not sent: a facilitator has banned you from this room until {until}.',
  'notice.live.warned':
    'A facilitator has sent you a warning about a message in this room. Please keep to the room’s guidelines.',
  'notice.live.muted': 'A facilitator has muted you in this room until {until}.',
  'notice.live.banned': 'A facilitator has banned you from this room until {until}.',
  'notice.live.ended': 'Your restriction in this room has ended. You can write again.',
  'notice.dismiss': 'Dismiss',
  'notice.reports.title': 'Your reports',
  'notice.reports.intro':
    'What happened to the messages you reported. Facilitators do not say what they did about another member; that stays between them and that member.',
  'notice.reports.empty': 'You have not reported any messages.',
  'notice.reports.sent': 'Reported {when}',
  'notice.reports.outcome.waiting': 'Waiting: a facilitator has not looked at it yet.',
  'notice.reports.outcome.action_taken': 'A facilitator looked at it and took action. Thank you for reporting it.',
  'notice.reports.outcome.no_action': 'A facilitator looked at it and decided no action was needed.',
  'notice.reports.link': 'See your reports',
  /** The clinician's side of the private crisis chat: their own wording, not the member's. */
  'notice.crisisChat.emptyClinician':
    'No messages yet. What you write here goes privately to the member; no other member can see it.',
} as const
