package site

// domainEnglish translates the domain's messages (ratsinfo.Error and its field
// messages) that any surface may show. Keys with verbs are formats: the page
// translates the key, then fills in the arguments (Page.Msg), and the kinds'
// names ("Die Vorlage") are arguments translated on their own.
var domainEnglish = map[string]string{
	// Every kind's name with its article, as validation and "not found" use it.
	"Das System": "The system", "Die Körperschaft": "The body", "Die Wahlperiode": "The legislative term",
	"Das Gremium": "The organization", "Die Person": "The person", "Die Mitgliedschaft": "The membership",
	"Die Sitzung": "The meeting", "Der Tagesordnungspunkt": "The agenda item", "Die Vorlage": "The paper",
	"Die Beratung": "The consultation", "Die Datei": "The file", "Der Ort": "The place",
	"Die Rückmeldung": "The feedback",
	"Die Anfrage":     "The inquiry",
	"Die Fristregel":  "The deadline rule",

	"Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in einem Moment erneut.": "The database cannot be reached just now. Please try again in a moment.",

	"%s enthält ungültige Angaben. Bitte korrigieren Sie die genannten Felder.": "%s contains invalid entries. Please correct the fields named.",
	"%s %d wurde nicht gefunden.": "%s %d was not found.",
	"Der Name eines Suchparameters enthält ein unzulässiges Steuerzeichen oder ungültig kodierte Zeichen. Bitte prüfen Sie die Adresse oder geben Sie die Suche neu ein.":     "The name of a query parameter contains a control character or invalidly encoded characters. Please check the address or enter the search again.",
	"Der Suchparameter „%s“ enthält ein unzulässiges Steuerzeichen oder ungültig kodierte Zeichen. Bitte entfernen Sie sie aus der Adresse oder geben Sie die Suche neu ein.": "The query parameter “%s” contains a control character or invalidly encoded characters. Please remove them from the address or enter the search again.",
	"Interner Fehler. Bitte versuchen Sie es später erneut; der Fehler wurde protokolliert.":                                                                                  "Internal error. Please try again later; the error has been logged.",

	// Field messages: the field's label comes first ("Der Name" + "ist zu lang …").
	"darf nicht leer sein.":                                                                "must not be empty.",
	"enthält ungültige Zeichen (kein UTF-8).":                                              "contains invalid characters (not UTF-8).",
	"enthält Steuerzeichen; bitte nur Text eingeben.":                                      "contains control characters; please enter text only.",
	"enthält eine ungültige Kennung; Kennungen sind positive Zahlen.":                      "contains an invalid identifier; identifiers are positive numbers.",
	"ist zu lang. Bitte kürzen Sie die Nachricht auf höchstens 5000 Zeichen.":              "is too long. Please shorten the message to at most 5000 characters.",
	"ist zu lang oder enthält Zeilenumbrüche. Bitte nur den Namen in einer Zeile angeben.": "is too long or contains line breaks. Please give only the name, in one line.",
	"ist ungültig. Bitte prüfen Sie sie oder lassen Sie das Feld leer.":                    "is invalid. Please check it or leave the field empty.",
	"fehlt: Eine Meldung bezieht sich immer auf eine Datei.":                               "is missing: a report always refers to a file.",
	"ist unbekannt; erlaubt sind „barrierefreiheit“ und „datei“.":                          "is unknown; allowed are “barrierefreiheit” and “datei”.",

	// Field messages that are whole sentences with the value in them.
	"%q ist keine gültige Adresse; erwartet wird eine vollständige URL wie https://example.org/.":               "%q is not a valid address; a complete URL such as https://example.org/ is expected.",
	"Das Enddatum %s liegt vor dem Anfangsdatum %s.":                                                            "The end date %s is before the start date %s.",
	"%s ist keine gültige E-Mail-Adresse.":                                                                      "%s is not a valid e-mail address.",
	"Die Geodaten sind kein gültiges JSON.":                                                                     "The geodata are not valid JSON.",
	"Die Geodaten müssen ein vollständiges GeoJSON-Feature sein ({\"type\":\"Feature\",\"geometry\":{…}}).":     "The geodata must be a complete GeoJSON feature ({\"type\":\"Feature\",\"geometry\":{…}}).",
	"Ein GeoJSON-Punkt braucht die Koordinaten [Längengrad, Breitengrad].":                                      "A GeoJSON point needs the coordinates [longitude, latitude].",
	"Die Koordinaten [%g, %g] liegen außerhalb des gültigen Bereichs; erwartet wird [Längengrad, Breitengrad].": "The coordinates [%g, %g] are out of range; [longitude, latitude] is expected.",
}
