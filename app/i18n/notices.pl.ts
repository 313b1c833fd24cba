import type { noticesEn } from './notices.en'

export const noticesPl: Record<keyof typeof noticesEn, string> = {
  'notice.refused.personal_data':
    'Nie wysłano: wiadomość zawiera dane kontaktowe (numer telefonu, adres e-mail lub zamieszkania). Dla Twojego bezpieczeństwa usuń je i wyślij ponownie.',
  'notice.refused.contact_request':
    'Nie wysłano: nie wymieniamy się tutaj kontaktami poza Holdspace. Wyślij wiadomość bez tej części.',
  'notice.refused.spam_repeat':
    'Nie wysłano: ta wiadomość została już wysłana kilka razy. Grupa nadal widzi Twoje wcześniejsze wiadomości.',
  'notice.refused.spam_links': 'Nie wysłano: wiadomość ma zbyt wiele linków. Wyślij mniej linków.',
  'notice.refused.spam_shouting':
    'Nie wysłano: wiadomość jest napisana głównie wielkimi literami. Napisz ją zwykłymi literami.',
  'notice.refused.slur':
    'Nie wysłano: wiadomość zawiera obraźliwe określenie skierowane do kogoś. Każdy tutaj powinien czuć się bezpiecznie; ujmij to inaczej.',
  'notice.refused.harassment':
    'Nie wysłano: wiadomość brzmi jak obelga lub nękanie skierowane do uczestników. Ujmij to inaczej.',
  'notice.refused.other': 'Nie wysłano: wiadomość narusza zasady pokoju. Ujmij to inaczej i spróbuj ponownie.',
  'notice.refused.muted': 'Nie wysłano: osoba prowadząca wyciszyła Cię w tym pokoju do {until}.',
  'notice.refused.banned': 'Nie wysłano: osoba prowadząca zablokowała Ci dostęp do tego pokoju do {until}.',
  'notice.live.warned':
    'Osoba prowadząca wysłała Ci ostrzeżenie dotyczące wiadomości w tym pokoju. Trzymaj się proszę zasad pokoju.',
  'notice.live.muted': 'Osoba prowadząca wyciszyła Cię w tym pokoju do {until}.',
  'notice.live.banned': 'Osoba prowadząca zablokowała Ci dostęp do tego pokoju do {until}.',
  'notice.live.ended': 'Twoje ograniczenie w tym pokoju się skończyło. Możesz znów pisać.',
  'notice.dismiss': 'Zamknij',
  'notice.reports.title': 'Twoje zgłoszenia',
  'notice.reports.intro':
    'Co się stało z wiadomościami, które zgłosiłeś/aś. Osoby prowadzące nie mówią, co zrobiły wobec innego uczestnika; to zostaje między nimi a tą osobą.',
  'notice.reports.empty': 'Nie zgłoszono jeszcze żadnej wiadomości.',
  'notice.reports.sent': 'Zgłoszono {when}',
  'notice.reports.outcome.waiting': 'Czeka: osoba prowadząca jeszcze jej nie sprawdziła.',
  'notice.reports.outcome.action_taken':
    'Osoba prowadząca sprawdziła ją i podjęła działania. Dziękujemy za zgłoszenie.',
  'notice.reports.outcome.no_action': 'Osoba prowadząca sprawdziła ją i uznała, że nie trzeba nic robić.',
  'notice.reports.link': 'Zobacz swoje zgłoszenia',
  'notice.crisisChat.emptyClinician':
    'Nie ma jeszcze wiadomości. To, co tu napiszesz, trafi prywatnie do tej osoby; nie zobaczy tego nikt inny z uczestników.',
}
