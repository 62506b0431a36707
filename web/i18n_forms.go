package web

// englishForms translates the texts of the forms, their answer pages, the error
// pages and the legal pages. They are long sentences, kept apart from the short
// labels in english so that either list stays readable.
var englishForms = map[string]string{
	// Feedback and "report this file" forms.
	"Grund": "Reason", "Personenbezogene Daten": "Personal data", "Falscher oder fehlerhafter Inhalt": "Wrong or faulty content",
	"Sonstiges": "Other", "Pflichtfeld": "required", "höchstens 5000 Zeichen": "at most 5000 characters",
	"Name (freiwillig)": "Name (optional)", "E-Mail für eine Antwort (freiwillig)": "E-mail for a reply (optional)",
	"Bitte dieses Feld leer lassen": "Please leave this field empty",
	"Ihre Nachricht geht an das Büro der Stadtvertretung und wird nicht veröffentlicht.": "Your message goes to the council office and is not published.",
	"personenbezogene Daten oder Fehler":                                                 "personal data or errors",
	"Enthält diese Datei personenbezogene Daten, die nicht veröffentlicht sein sollten, oder falsche Inhalte? Teilen Sie es dem Büro der Stadtvertretung mit. Die Datei wird geprüft und, wenn nötig, geschwärzt oder zurückgezogen.": "Does this file contain personal data that should not be published, or wrong content? Tell the council office. The file will be checked and, if necessary, redacted or withdrawn.",
	// Messages about what was entered.
	"Bitte korrigieren Sie die markierten Angaben.":                                               "Please correct the marked entries.",
	"Bitte schreiben Sie Ihre Nachricht.":                                                         "Please write your message.",
	"Die Nachricht ist zu lang oder beschädigt. Bitte kürzen Sie sie auf höchstens 5000 Zeichen.": "The message is too long or damaged. Please shorten it to at most 5000 characters.",
	"Die Nachricht konnte nicht zugeordnet werden. Bitte laden Sie die Seite neu.":                "The message could not be assigned. Please reload the page.",
	"Die Nachricht": "The message", "Der Name": "The name", "Die E-Mail-Adresse": "The e-mail address",
	"Von Ihrem Anschluss kamen in kurzer Zeit mehrere Nachrichten; zum Schutz vor massenhaften Einsendungen nehmen wir gerade keine weitere an. Ihre Nachricht steht noch im Formular. Bitte senden Sie sie in %d Minute(n) erneut.":                                     "Several messages came from your connection within a short time; to protect against mass submissions we are not taking another one just now. Your message is still in the form. Please send it again in %d minute(s).",
	"Gerade kommen über die Formulare sehr viele Nachrichten an; zum Schutz vor massenhaften Einsendungen nehmen wir vorübergehend keine weitere an. Ihre Nachricht steht noch im Formular. Bitte senden Sie sie in %d Minute(n) erneut oder schreiben Sie eine E-Mail.": "Very many messages are arriving through the forms just now; to protect against mass submissions we are not taking another one for the moment. Your message is still in the form. Please send it again in %d minute(s) or write an e-mail.",
	"Ihre Nachricht konnte gerade nicht gespeichert werden. Sie steht noch im Formular; bitte senden Sie sie in einigen Minuten erneut.":                                                                                                                                 "Your message could not be saved just now. It is still in the form; please send it again in a few minutes.",
	// Errors of addresses and parameters, shown on the error page.
	"Diese Seite kann nur abgerufen werden (GET).":        "This page can only be fetched (GET).",
	"Die Vorlagenart %q gibt es nicht. Erlaubt sind: %s.": "The paper type %q does not exist. Allowed are: %s.",
	// The answer after sending.
	"Vielen Dank. Ihre Nachricht ist beim Büro der Stadtvertretung eingegangen.": "Thank you. Your message has reached the council office.",
	"Eingangsnummer": "Reference number", "So geht es weiter": "What happens next",
	"Das Büro der Stadtvertretung prüft die Datei. Enthält sie personenbezogene Daten, die nicht veröffentlicht sein sollten, wird sie geschwärzt oder zurückgezogen; ein Fehler wird berichtigt.": "The council office checks the file. If it contains personal data that should not be published, it is redacted or withdrawn; an error is corrected.",
	"Das Büro der Stadtvertretung prüft Ihre Rückmeldung und gibt sie an die Stelle weiter, die die Barriere beheben kann.":                                                                        "The council office checks your feedback and passes it on to the unit that can remove the barrier.",
	"Wenn Sie eine E-Mail-Adresse angegeben haben, erhalten Sie eine Antwort an diese Adresse. Ohne Adresse können wir Ihnen nicht antworten.":                                                     "If you gave an e-mail address, you will receive a reply there. Without an address we cannot reply to you.",
	"Ihre Nachricht wird nicht auf dieser Website veröffentlicht.":                                                                                                                                 "Your message is not published on this website.",
	"Fragen dazu beantwortet": "Questions about it are answered by", "bitte die Eingangsnummer angeben": "please give the reference number",
	// Imprint.
	"Dieses Ratsinformationssystem wird betrieben von": "This council information system is run by",
	"Verantwortlich für die Inhalte der Vorlagen und Niederschriften sind die jeweils genannten Gremien und Verwaltungsstellen.": "The organizations and administrative units named in the papers and minutes are responsible for their content.",
	"Die Daten stehen auch über die offene OParl-Schnittstelle zur Verfügung.":                                                   "The data are also available through the open OParl API.",
	// Privacy notice.
	"Verantwortlich im Sinne der Datenschutz-Grundverordnung ist": "The controller within the meaning of the General Data Protection Regulation is",
	"Was wir beim Besuch speichern":                               "What we store when you visit",
	"Der Server protokolliert für jeden Abruf Zeit, aufgerufene Seite (ohne Suchbegriffe), Antwortcode, Größe und Dauer, um den Betrieb zu sichern. Es werden keine Tracking-Dienste, keine Schriften oder Skripte anderer Anbieter und kein Cookie außer der gewählten Sprache verwendet.": "For every request the server logs the time, the page (without search terms), the response code, size and duration, to keep the service running. No tracking services, no fonts or scripts from other providers and no cookie except the chosen language are used.",
	"Personenbezogene Daten von Mandatsträger*innen": "Personal data of elected representatives",
	"Namen und Mitgliedschaften in Gremien sind öffentlich. Kontaktdaten werden nur veröffentlicht, wenn die Person eingewilligt hat. Nichtöffentliche Tagesordnungspunkte werden nur mit ihrer Nummer gezeigt.": "Names and memberships in organizations are public. Contact details are published only if the person has agreed. Non-public agenda items are shown only with their number.",
	"Ihre Rechte": "Your rights",
	"Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie ein Beschwerderecht bei der Datenschutzaufsicht. Enthält ein Dokument Ihre personenbezogenen Daten, melden Sie es bitte über den Link „Datei melden“ auf der Seite der Datei.": "You have the right of access, rectification, erasure and restriction of processing, and the right to lodge a complaint with the data protection authority. If a document contains your personal data, please report it with the link “Report this file” on the file's page.",
	// Accessibility statement.
	"ist bemüht, dieses Ratsinformationssystem im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und den Web Content Accessibility Guidelines (WCAG) 2.1, Stufe AA, barrierefrei zugänglich zu machen.": "endeavours to make this council information system accessible in accordance with the German accessibility regulation (BITV 2.0) and the Web Content Accessibility Guidelines (WCAG) 2.1, level AA.",
	"Stand der Vereinbarkeit":     "Compliance status",
	"Nicht barrierefreie Inhalte": "Non-accessible content",
	"Erstellung dieser Erklärung": "Preparation of this statement",
	"Diese Erklärung beruht auf einer Selbstbewertung und automatisierten Prüfungen.": "This statement is based on a self-assessment and automated checks.",
	"Feedback und Kontakt": "Feedback and contact",
	"Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie uns über dieses Formular": "Have you noticed barriers to access? Write to us with this form",
	"oder per E-Mail an":    "or by e-mail to",
	"Schlichtungsverfahren": "Conciliation procedure",
}
