import type { MessageKey } from './en'
import { groupsPl } from './groups.pl'
import { chatPl } from './chat.pl'
import { crisisPl } from './crisis.pl'
import { moderationPl } from './moderation.pl'
import { messagesPl } from './messages.pl'
import { libraryPl } from './library.pl'
import { selfcarePl } from './selfcare.pl'
import { resiliencePl } from './resilience.pl'
import { measuresPl } from './measures.pl'
import { sessionnotesPl } from './sessionnotes.pl'
import { timePl } from './time.pl'
import { noticesPl } from './notices.pl'
import { layoutPl } from './layout.pl'
import { roomhoursPl } from './roomhours.pl'
import { reactionsPl } from './reactions.pl'
import { legalPl } from './legal.pl'
import { formsPl } from './forms.pl'
import { videoPl } from './video.pl'

/** Polish strings: the same keys as en.ts. */
export const pl: Record<MessageKey, string> = {
  'app.name': 'Holdspace',
  'app.tagline':
    'Wsparcie rówieśnicze i grupy prowadzone przez terapeutów, online, pod wybranym przez Ciebie imieniem.',
  'nav.skip': 'Przejdź do treści',
  'nav.home': 'Strona główna',
  'nav.rooms': 'Pokoje',
  'nav.care': 'Dbanie o siebie',
  'nav.messages': 'Wiadomości',
  'nav.library': 'Biblioteka',
  'nav.unread': '(nieprzeczytane: {count})',
  'nav.account': 'Konto',
  'nav.signIn': 'Zaloguj się',
  'nav.signUp': 'Dołącz',
  'nav.signOut': 'Wyloguj się',
  'nav.language': 'Język',
  'nav.primary': 'Główna nawigacja',
  'quickExit.button': 'Szybkie wyjście',
  'quickExit.hint': 'Natychmiast opuść tę stronę (lub naciśnij Esc)',
  'landing.title': 'Bezpieczne miejsce do rozmowy, kiedy tylko go potrzebujesz',
  'landing.intro':
    'Holdspace łączy ludzi w moderowanych pokojach wsparcia, otwartych dniem i nocą, oraz w małych grupach prowadzonych przez licencjonowanych terapeutów. Uczestniczysz pod pseudonimem i w sposób, który Ci odpowiada: wideo, tylko dźwięk lub czat.',
  'landing.point.rooms.title': 'Pokoje wsparcia 24/7',
  'landing.point.rooms.body':
    'Pokoje tematyczne o lęku, obniżonym nastroju, żałobie, rodzicielstwie i samotności, nad którymi czuwają przeszkoleni moderatorzy.',
  'landing.point.groups.title': 'Grupy z terapeutą',
  'landing.point.groups.body':
    'Małe grupy w stałych terminach, prowadzone przez osoby, których uprawnienia sprawdziliśmy.',
  'landing.point.privacy.title': 'Prywatność od podstaw',
  'landing.point.privacy.body':
    'Inni uczestnicy widzą tylko Twój pseudonim. Możesz dołączyć bez adresu e-mail, pobrać swoje dane lub usunąć konto.',
  'landing.point.crisis.title': 'Pomoc w kryzysie',
  'landing.point.crisis.body':
    'Jeśli możesz być w niebezpieczeństwie, od razu zobaczysz telefony zaufania, a dyżurny specjalista zostanie powiadomiony.',
  'landing.emergency': 'Jeśli grozi Ci bezpośrednie niebezpieczeństwo, zadzwoń teraz pod numer alarmowy 112.',
  'landing.cta.join': 'Dołącz do Holdspace',
  'landing.cta.signIn': 'Mam już konto',
  'signup.title': 'Dołącz do Holdspace',
  'signup.choose': 'Jak chcesz dołączyć?',
  'signup.anonymous.label': 'Anonimowo',
  'signup.anonymous.help':
    'Bez adresu e-mail. Otrzymasz nazwę użytkownika i jednorazowy kod odzyskiwania; przechowuj go bezpiecznie, to jedyny sposób powrotu, jeśli zapomnisz hasła.',
  'signup.registered.label': 'Z adresem e-mail',
  'signup.registered.help':
    'Używamy adresu e-mail tylko do resetowania hasła. Wiadomości nigdy nie wspominają, po co korzystasz z Holdspace.',
  'signup.email': 'Adres e-mail',
  'signup.password': 'Hasło (co najmniej 10 znaków)',
  'signup.consent.title': 'Twoje dane dotyczące zdrowia',
  'signup.consent.body':
    'To, co piszesz w Holdspace, może mówić coś o Twoim zdrowiu. Przetwarzamy te dane wyłącznie, aby prowadzić serwis: pokazywać je osobom w Twoich pokojach i grupach, dbać o bezpieczeństwo pokojów i zapewnić Ci pilną pomoc, jeśli możesz być w niebezpieczeństwie. Inni uczestnicy widzą tylko Twój pseudonim. W każdej chwili możesz pobrać lub usunąć swoje dane.',
  'signup.consent.label': 'Zgadzam się, aby Holdspace przetwarzał moje dane dotyczące zdrowia w tych celach.',
  'signup.submit': 'Utwórz konto',
  'signup.created.title': 'Twoje konto jest gotowe',
  'signup.created.username': 'Twoja nazwa użytkownika',
  'signup.created.code': 'Twój kod odzyskiwania',
  'signup.created.codeHelp':
    'Zapisz ten kod lub przechowuj go w menedżerze haseł. Jest pokazywany tylko raz. Dzięki niemu odzyskasz dostęp, jeśli zapomnisz hasła.',
  'signup.created.continue': 'Zapisałem/zapisałam kod — dalej',
  'signup.checkEmail.title': 'Sprawdź pocztę, aby kontynuować',
  'signup.checkEmail.body':
    'Wysłaliśmy wiadomość na podany adres. Otwórz zawarty w niej link, aby kontynuować; działa jeden raz i wygasa po 24 godzinach. Jeśli nic nie przyjdzie w ciągu kilku minut, zajrzyj do folderu spam.',
  'signupConfirm.title': 'Potwierdź swoje konto',
  'signupConfirm.body':
    'Naciśnij przycisk, aby dokończyć zakładanie konta. Następnie zobaczysz swoją nazwę użytkownika i kod odzyskiwania do zachowania.',
  'signupConfirm.submit': 'Dokończ zakładanie konta',
  'signupConfirm.missing': 'Ten link jest niepełny. Otwórz ponownie link z wiadomości albo załóż konto jeszcze raz.',
  'signin.title': 'Zaloguj się',
  'signin.login': 'E-mail lub nazwa użytkownika',
  'signin.password': 'Hasło',
  'signin.submit': 'Zaloguj się',
  'signin.forgot': 'Nie pamiętasz hasła?',
  'signin.recover': 'Użyj kodu odzyskiwania',
  'signin.noAccount': 'Jesteś tu pierwszy raz? Dołącz do Holdspace',
  'signin.retryAfterSeconds':
    'Stąd możesz spróbować ponownie za {seconds} s. Na Twoim urządzeniu hasło działa jak zwykle.',
  'signin.retryAfterMinutes':
    'Stąd możesz spróbować ponownie za {minutes} min. Na Twoim urządzeniu hasło działa jak zwykle.',
  'recover.title': 'Zaloguj się kodem odzyskiwania',
  'recover.login': 'Nazwa użytkownika (lub e-mail)',
  'recover.code': 'Kod odzyskiwania',
  'recover.password': 'Nowe hasło (co najmniej 10 znaków)',
  'recover.submit': 'Odzyskaj konto',
  'recover.done.title': 'Witaj z powrotem',
  'recover.done.body': 'Stary kod odzyskiwania już nie działa. Oto nowy — jest pokazywany tylko raz.',
  'forgot.title': 'Zresetuj hasło',
  'forgot.help':
    'Wpisz adres e-mail swojego konta. Jeśli należy do konta, wyślemy link do ustawienia nowego hasła. Konta anonimowe używają zamiast tego kodu odzyskiwania.',
  'forgot.email': 'Adres e-mail',
  'forgot.submit': 'Wyślij link',
  'forgot.sent': 'Jeśli ten adres należy do konta, link jest już w drodze. Działa jeden raz i wygasa po 30 minutach.',
  'reset.title': 'Ustaw nowe hasło',
  'reset.password': 'Nowe hasło (co najmniej 10 znaków)',
  'reset.submit': 'Zapisz nowe hasło',
  'account.title': 'Twoje konto',
  'account.signedInAs': 'Zalogowano jako',
  'account.kind.anonymous': 'Konto anonimowe',
  'account.kind.registered': 'Konto z adresem e-mail',
  'account.role': 'Rola',
  'account.prefs.title': 'Ustawienia',
  'account.prefs.language': 'Język',
  'account.prefs.pseudonym': 'Gdy wchodzę do nowego pokoju',
  'account.prefs.pseudonym.ask': 'Zapytaj mnie o pseudonim',
  'account.prefs.pseudonym.generate': 'Nadaj mi wygenerowany pseudonim',
  'account.prefs.save': 'Zapisz ustawienia',
  'account.prefs.saved': 'Ustawienia zapisane.',
  'account.sensitive.title': 'Kontakt alarmowy (opcjonalnie)',
  'account.sensitive.help':
    'Przechowywany w postaci zaszyfrowanej. Nigdy nie jest pokazywany innym uczestnikom. Może go otworzyć tylko dyżurny specjalista, jeśli możesz być w niebezpieczeństwie, a każde otwarcie jest rejestrowane.',
  'account.sensitive.legalName': 'Twoje imię i nazwisko',
  'account.sensitive.emergencyContact': 'Kontakt alarmowy (imię i telefon)',
  'account.sensitive.stored': 'zapisane',
  'account.sensitive.notStored': 'brak',
  'account.sensitive.save': 'Zapisz bezpiecznie',
  'account.sensitive.saved': 'Zapisano bezpiecznie.',
  'account.sensitive.replaceHint':
    'Dla Twojego bezpieczeństwa nigdy nie wyświetlamy zapisanych danych. Wpisz nowe, aby je zastąpić, lub zostaw oba pola puste, aby je usunąć.',
  'account.export.title': 'Twoje dane',
  'account.export.help': 'Pobierz wszystko, co przechowujemy o Twoim koncie, jako plik JSON.',
  'account.export.button': 'Pobierz moje dane',
  'account.signOutEverywhere': 'Wyloguj na wszystkich urządzeniach',
  'account.delete.title': 'Usuń konto',
  'account.delete.help': 'To usunie Twoje konto i wyloguje Cię wszędzie. Tego nie można cofnąć.',
  'account.delete.password': 'Potwierdź hasłem',
  'account.delete.button': 'Usuń konto na zawsze',
  'account.deleted': 'Twoje konto zostało usunięte.',
  'role.member': 'Uczestnik',
  'role.facilitator': 'Moderator',
  'role.clinician': 'Specjalista',
  'role.admin': 'Administrator',
  'form.required': 'To pole jest wymagane.',
  'form.working': 'Trwa…',
  'error.email_invalid': 'Wpisz poprawny adres e-mail.',
  'error.password_too_short': 'Użyj co najmniej 10 znaków.',
  'error.password_too_long': 'Użyj najwyżej 200 znaków.',
  'error.password_required': 'Wpisz hasło.',
  'error.login_required': 'Wpisz e-mail lub nazwę użytkownika.',
  'error.code_invalid': 'Wpisz cały kod odzyskiwania.',
  'error.consent_required': 'Przeczytaj i zaakceptuj zasady przetwarzania danych.',
  'error.BAD_REQUEST': 'Nie udało się zrozumieć żądania.',
  'error.VALIDATION_FAILED': 'Część danych jest nieprawidłowa.',
  'error.UNAUTHENTICATED': 'Zaloguj się.',
  'error.FORBIDDEN': 'Nie masz uprawnień, aby to zrobić.',
  'error.NOT_FOUND': 'Nie znaleźliśmy tej strony.',
  'error.CONFLICT': 'To koliduje z aktualnym stanem. Spróbuj ponownie.',
  'error.RATE_LIMITED': 'Zbyt wiele prób. Odczekaj kilka minut i spróbuj ponownie.',
  'error.TOO_MANY_CONNECTIONS':
    'To logowanie ma zbyt wiele otwartych kart lub okien. Zamknij część z nich i odśwież tę stronę.',
  'error.CSRF_FAILED': 'Formularz wygasł. Odśwież stronę i spróbuj ponownie.',
  'error.INVALID_CREDENTIALS': 'Dane logowania się nie zgadzają.',
  'error.INVALID_RECOVERY_CODE': 'Nazwa użytkownika i kod odzyskiwania się nie zgadzają.',
  'error.INVALID_RESET_TOKEN': 'Ten link wygasł lub został już użyty. Możesz poprosić o nowy.',
  'error.INVALID_SIGNUP_LINK': 'Ten link wygasł lub został już użyty. Możesz założyć konto jeszcze raz.',
  'error.CONSENT_REQUIRED': 'Przeczytaj i zaakceptuj zasady przetwarzania danych.',
  'error.LEADS_GROUPS':
    'Prowadzisz grupę, więc tego konta nie można jeszcze usunąć. Napisz do osób, które prowadzą ten Holdspace, aby grupę przekazać lub zamknąć. Nic nie zostało usunięte.',
  'error.PAYLOAD_TOO_LARGE': 'To jest za duże.',
  'error.UNAVAILABLE': 'Serwis jest zajęty. Spróbuj za chwilę.',
  'error.INTERNAL': 'Coś poszło nie tak po naszej stronie. Spróbuj ponownie.',
  'error.page.title': 'Coś poszło nie tak',
  'error.page.home': 'Przejdź do strony głównej',
  'footer.emergency': 'W nagłym wypadku dzwoń pod 112.',
  'footer.privacy': 'Bez śledzenia. Bez reklam.',
  ...chatPl,
  ...crisisPl,
  ...groupsPl,
  ...moderationPl,
  ...messagesPl,
  ...libraryPl,
  ...selfcarePl,
  ...resiliencePl,
  ...measuresPl,
  ...sessionnotesPl,
  ...timePl,
  ...noticesPl,
  ...layoutPl,
  ...roomhoursPl,
  ...reactionsPl,
  ...legalPl,
  ...formsPl,
  ...videoPl,
}
