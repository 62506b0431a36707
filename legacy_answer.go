package ratsinfo

import (
	"context"
	"strings"
)

// LegacyAnswer is an answer to an inquiry recognised in an existing document
// (package legacy): what the importer stores as the answer paper, the inquiry
// paper where missing, persons, organizations, meetings, consultations and a
// published Inquiry with its questions and answers, so that an imported answer
// looks, links, searches and counts like one answered in Ratsinfo.
type LegacyAnswer struct {
	BodyID    int64
	Title     string // the answer paper's name: the document's title
	Reference string // the answer paper's reference, if the document names one
	Subject   string
	// Inquirers are the persons who asked ("Herr Pender"); Faction the faction
	// or group named in the title.
	Inquirers     []LegacyPerson
	Faction       string
	InquiryDate   Date
	Consultations []LegacyConsultation
	Preamble      string
	Questions     []Question
	File          LegacyFile
}

// LegacyPerson is a person named in a legacy document.
type LegacyPerson struct {
	FormOfAddress string // "Herr", "Frau"
	Title         string // "Dr."
	GivenName     string
	FamilyName    string
}

// Name is the person's name as Person.Name has it.
func (p LegacyPerson) Name() string {
	return strings.Join(strings.Fields(p.Title+" "+p.GivenName+" "+p.FamilyName), " ")
}

// LegacyConsultation is a row of the Beratungsfolge: committee, day, role.
type LegacyConsultation struct {
	Organization string
	Date         Date
	Role         string
}

// LegacyFile is the original document, stored as the answer paper's main file.
type LegacyFile struct {
	FileName, MimeType string
	Size               int64
	SHA512             string
	BlobKey            string
	Text               string
}

// LegacyImportResult says what an import wrote and what it found already there.
type LegacyImportResult struct {
	InquiryID, AnswerPaperID, InquiryPaperID, FileID int64
	// Created and Matched count the records by kind ("Person", "Meeting", …).
	Created, Matched map[Kind]int
}

// LegacyImporter stores legacy answers, one transaction per document. A rerun
// with the same document updates what the first run wrote instead of
// duplicating it.
type LegacyImporter interface {
	ImportLegacyAnswer(ctx context.Context, a *LegacyAnswer) (*LegacyImportResult, error)
}

// KindLegacyAnswer names an imported document in validation messages.
const KindLegacyAnswer Kind = "LegacyAnswer"

// CanImportLegacy allows importing legacy documents into body: the council
// office of the body, and the program itself (the command line).
func CanImportLegacy(ctx context.Context, body int64) error {
	if isCouncilOffice(ViewerFrom(ctx), body) {
		return nil
	}
	return Errorf(EFORBIDDEN, "Nur das Ratsbüro darf Altdokumente importieren.")
}

// Validate checks a as the importer needs it, with German messages.
func (a *LegacyAnswer) Validate() error {
	v := newValidator(KindLegacyAnswer)
	if a.BodyID <= 0 {
		v.add("body", "Der Import braucht eine Körperschaft.")
	}
	v.required("title", &a.Title)
	if a.File.BlobKey == "" || a.File.SHA512 == "" {
		v.add("file", "Der Import braucht die Originaldatei.")
	}
	if len(a.Inquirers) == 0 && a.Faction == "" {
		v.add("inquirers", "Im Titel war nicht zu erkennen, wer gefragt hat (z. B. „Anfrage von Herrn Pender“).")
	}
	for i := range a.Inquirers {
		if a.Inquirers[i].FamilyName == "" {
			v.add("inquirers", "Eine fragende Person hat keinen Nachnamen.")
		}
	}
	for _, c := range a.Consultations {
		if strings.TrimSpace(c.Organization) == "" || c.Date.IsZero() {
			v.add("consultations", "Jede Zeile der Beratungsfolge braucht ein Gremium und ein Datum.")
			break
		}
	}
	v.questions(a.Questions)
	for i := range a.Questions {
		a.Questions[i].Number = i + 1
	}
	return v.err()
}

// ParseLegacyPerson reads a name as titles write it in the nominative:
// "Herr Dr. Anke Lorenzen", "Ratsherr Tobias Wendt", "Frau Kreutzfeldt".
func ParseLegacyPerson(s string) LegacyPerson {
	var p LegacyPerson
	words := strings.Fields(s)
	for len(words) > 1 {
		w := words[0]
		switch {
		case w == "Herr" || w == "Frau":
			p.FormOfAddress = w
		case w == "Ratsherr" || w == "Stadtvertreter" || w == "Abgeordneter" || w == "Ratsmitglied" ||
			w == "Landtagsabgeordneter" || w == "Stadtverordneter" || w == "Kreistagsabgeordneter":
			p.FormOfAddress = cmpOr(p.FormOfAddress, "Herr")
		case w == "Ratsfrau" || w == "Stadtvertreterin" || w == "Abgeordnete" || w == "Landtagsabgeordnete" ||
			w == "Stadtverordnete" || w == "Kreistagsabgeordnete":
			p.FormOfAddress = cmpOr(p.FormOfAddress, "Frau")
		case strings.HasSuffix(w, "."): // "Dr.", "Prof."
			p.Title = strings.TrimSpace(p.Title + " " + w)
		default:
			p.GivenName = strings.Join(words[:len(words)-1], " ")
			words = words[len(words)-1:]
			continue
		}
		words = words[1:]
	}
	if len(words) == 1 {
		p.FamilyName = words[0]
	}
	return p
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
