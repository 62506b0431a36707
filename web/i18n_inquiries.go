package web

// englishInquiries translates the pages of inquiries.
var englishInquiries = map[string]string{
	"Anfragen": "Inquiries",
	"Anfragen von Ratsmitgliedern, Fraktionen und Einwohnerinnen und Einwohnern an die Verwaltung, mit Bearbeitungsstand und Frist. Offen:": "Inquiries of council members, factions and residents to the administration, with their state and deadline. Open:",
	"davon überfällig:": "of which overdue:",
	"Bearbeitungsstand": "State", "alle": "all", "nur überfällige": "overdue only",
	"Aktenzeichen": "Reference", "Titel": "Title", "Stand": "State", "Frist": "Deadline", "überfällig": "overdue",
	"Keine Anfragen gefunden.": "No inquiries found.", "Fragende": "Asked by",
	"Anfrage als Vorlage": "Inquiry paper", "Antwort als Vorlage": "Answer paper", "Vorbemerkung": "Preamble",
	"Fragen und Antworten": "Questions and answers", "Frage": "Question", "Antwort": "Answer",
	"Noch nicht beantwortet.": "Not answered yet.", "Verlauf": "Timeline",
	"eingereicht": "submitted", "in Bearbeitung": "in progress", "Antwort zur Freigabe": "answer awaiting sign-off",
	"Antwort freigegeben": "answer signed off", "beantwortet": "answered", "zurückgezogen": "withdrawn",
	"Den Bearbeitungsstand %q gibt es nicht. Bitte einen Stand aus der Auswahl wählen.": "There is no state %q. Please choose a state from the list.",
	"Anfragen (Atom)": "Inquiries (Atom)", "Fristen der Anfragen (ICS)": "Deadlines of inquiries (ICS)",
	"registriert, Frist gesetzt": "registered, deadline set", "Zwischennachricht": "interim answer", "Frist verlängert": "deadline extended",
	"auf die Tagesordnung gesetzt": "put on the agenda", "in der Sitzung behandelt": "heard in the meeting",
	"zur Behandlung in der Sitzung vorgesehen": "to be heard in the meeting",
}
