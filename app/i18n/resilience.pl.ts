import type { resilienceEn } from './resilience.en'

export const resiliencePl: Record<keyof typeof resilienceEn, string> = {
  'refused.title': 'Ten formularz przyszedł z innej strony',
  'refused.body':
    'Formularz został wysłany do Holdspace ze strony, która nie jest nasza, więc nic z nim nie zrobiliśmy. Nic się nie zmieniło.',
  'refused.again': 'Jeśli korzystasz z Holdspace, wróć do tej strony, odśwież ją i spróbuj ponownie.',
  'refused.help':
    'Jeśli potrzebujesz pomocy teraz, na stronie pomocy są telefony kryzysowe, pod które możesz zadzwonić od razu.',
  'refused.helpLink': 'Otwórz stronę pomocy',
  'refused.home': 'Przejdź na stronę główną',
  'crisis.degraded.notice':
    'Nie możemy teraz połączyć się z systemem naszego zespołu pomocy. Telefony kryzysowe poniżej działają zawsze.',
  'crisis.degraded.kept':
    'Nie mogliśmy teraz połączyć się z systemem naszego zespołu pomocy. Twoja prośba jest zapisana i trafi do klinicysty, gdy tylko system znów zadziała. Zadzwoń teraz pod jeden z tych numerów.',
  'crisis.degraded.notKept':
    'Nie mogliśmy teraz połączyć się z systemem naszego zespołu pomocy ani zapisać Twojej prośby. Zadzwoń teraz pod jeden z tych numerów albo pod lokalny numer alarmowy.',
  'error.UNAVAILABLE.title': 'Holdspace jest chwilowo niedostępny',
  'error.UNAVAILABLE.help':
    'Część Holdspace teraz nie działa. Jeśli potrzebujesz pomocy teraz, na stronie pomocy są telefony kryzysowe.',
  'form.retryAfterSeconds': 'Możesz spróbować ponownie za {seconds} s.',
  'form.retryAfterMinutes': 'Możesz spróbować ponownie za {minutes} min.',
} as const
