/**
 * The privacy notice and terms shipped with Holdspace (version 1 of each), shown until an admin saves their own at
 * /admin/legal. They are outlines: the operator fills in every [bracketed] part before opening the service.
 */
export const LEGAL_KINDS = ['privacy', 'terms'] as const
export type LegalKind = (typeof LEGAL_KINDS)[number]
export const LEGAL_LOCALES = ['en', 'pl'] as const
export type LegalLocale = (typeof LEGAL_LOCALES)[number]

export const DEFAULT_LEGAL: Record<LegalKind, Record<LegalLocale, string>> = {
  privacy: {
    en: `[To be completed by the operator of this service before it opens.]

Who is responsible: [name, address and registration number of the clinic or organisation running this Holdspace], the controller of your personal data. Data protection contact: [email address or postal address of the data protection officer].

What we store: your account (a username, a password stored only as a hash, and an email address if you chose a registered account), the language and country you choose, what you write in rooms, groups and private messages, crisis help requests and the notes clinicians make about them, your self-care entries, and a record of sign-ins and of moderators' and staff actions. Peers see only your pseudonym.

Why: to provide peer support and therapist-led groups, to keep members safe (moderation and crisis help), and to meet our legal duties. Health information is processed with your explicit consent, given at sign-up.

How long: chat and private messages are deleted 365 days after they were written, crisis records 730 days after the incident was resolved, ended sign-in sessions after 30 days; [adjust to this deployment's retention settings]. You can download your data or delete your account at any time from your account page.

Your rights: access, correction, deletion, restriction, portability, objection, and withdrawing consent at any time. You may complain to the data protection authority: [name of the supervisory authority, e.g. the President of the Personal Data Protection Office (UODO)].

Who else receives data: [hosting provider, email provider, video provider, if any]. Data stays in [country or region].

Contact: [email address for privacy questions].`,
    pl: `[Do uzupełnienia przez operatora tej usługi przed jej uruchomieniem.]

Kto odpowiada: [nazwa, adres i numer rejestrowy placówki lub organizacji prowadzącej ten Holdspace], administrator Twoich danych osobowych. Kontakt w sprawie ochrony danych: [adres e-mail lub adres pocztowy inspektora ochrony danych].

Co przechowujemy: Twoje konto (nazwę użytkownika, hasło zapisane wyłącznie jako skrót, adres e-mail, jeśli wybierzesz konto z e-mailem), wybrany język i kraj, to, co piszesz w pokojach, grupach i wiadomościach prywatnych, prośby o pomoc w kryzysie i notatki klinicystów na ich temat, wpisy samopomocowe oraz zapis logowań i działań moderatorów i personelu. Inni uczestnicy widzą tylko Twój pseudonim.

Po co: aby prowadzić wsparcie rówieśnicze i grupy prowadzone przez terapeutów, dbać o bezpieczeństwo uczestników (moderacja i pomoc w kryzysie) oraz wypełniać obowiązki prawne. Informacje o zdrowiu przetwarzamy na podstawie Twojej wyraźnej zgody wyrażonej przy rejestracji.

Jak długo: wiadomości na czacie i prywatne usuwamy po 365 dniach od napisania, dane kryzysowe po 730 dniach od zamknięcia zgłoszenia, zakończone sesje logowania po 30 dniach; [dostosuj do ustawień retencji tej instalacji]. W każdej chwili możesz pobrać swoje dane lub usunąć konto na stronie konta.

Twoje prawa: dostęp, sprostowanie, usunięcie, ograniczenie przetwarzania, przenoszenie danych, sprzeciw oraz wycofanie zgody w dowolnym momencie. Możesz złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych.

Kto jeszcze otrzymuje dane: [dostawca hostingu, poczty e-mail, wideo, jeśli dotyczy]. Dane pozostają w [kraj lub region].

Kontakt: [adres e-mail w sprawach prywatności].`,
  },
  terms: {
    en: `[To be completed by the operator of this service before it opens.]

This service is run by [name of the clinic or organisation]. By creating an account you confirm that you are old enough to use it and accept these terms.

Holdspace offers peer support and therapist-led groups. It is not an emergency service: if you are in danger, call your local emergency number.

Be kind and respect others' privacy: do not share what others say outside the room, do not try to find out who anyone is, and do not post anything unlawful, hateful or harmful. Moderators may warn, mute or ban members who break these rules; you may appeal a decision.

You may close your account at any time. We may change these terms; when we do, we will ask you to accept the new version.

Contact: [email address].`,
    pl: `[Do uzupełnienia przez operatora tej usługi przed jej uruchomieniem.]

Usługę prowadzi [nazwa placówki lub organizacji]. Zakładając konto, potwierdzasz, że masz wystarczająco dużo lat, aby z niej korzystać, i akceptujesz ten regulamin.

Holdspace oferuje wsparcie rówieśnicze i grupy prowadzone przez terapeutów. Nie jest to usługa ratunkowa: jeśli grozi Ci niebezpieczeństwo, zadzwoń pod numer alarmowy 112.

Bądź życzliwy i szanuj prywatność innych: nie przekazuj dalej tego, co mówią inni, nie próbuj ustalać, kim ktoś jest, i nie publikuj treści niezgodnych z prawem, nienawistnych ani szkodliwych. Moderatorzy mogą udzielić ostrzeżenia, wyciszyć lub zablokować osoby łamiące zasady; od decyzji można się odwołać.

Konto możesz usunąć w każdej chwili. Możemy zmienić regulamin; wtedy poprosimy Cię o akceptację nowej wersji.

Kontakt: [adres e-mail].`,
  },
}
