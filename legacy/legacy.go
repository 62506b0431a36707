// Package legacy recognises the structure of existing council documents — the
// text of an answer to an inquiry (Beantwortung einer Anfrage) as a PDF or a
// text file carries it — so that years of answers become the same structured
// inquiries, questions and answers as those written in Ratsinfo.
//
// Parse is a pure function from text to Document. It never drops text: every
// word of the input ends up in exactly one field of the Document, in Labels
// (words it read as structure, such as "Sachverhalt:" or the table header of the
// Beratungsfolge) or in Removed (page furniture: page numbers, repeated headers
// and footers). CheckWords verifies that; every test and the fuzz test use it.
package legacy

// Document is the recognised structure of one legacy document. The JSON is what
// `ratsinfo import document --json` prints; empty fields are omitted.
type Document struct {
	File      string `json:"file,omitempty"`
	PaperType string `json:"paperType,omitempty"` // "Beantwortung einer Anfrage", "Anfrage", "Mitteilungsvorlage"
	Reference string `json:"reference,omitempty"` // Vorlage-Nr. / Drucksache, if the document names one
	// Header is the letterhead: text before the Beratungsfolge ("Stadt …").
	Header string `json:"header,omitempty"`
	Title  string `json:"title,omitempty"`

	// Derived from Title: who asked (nominative: "Herr Pender"), the faction or
	// group named in the title, the subject and the date of the inquiry.
	Inquirer             string `json:"inquirer,omitempty"`
	InquirerOrganization string `json:"inquirerOrganization,omitempty"`
	Subject              string `json:"subject,omitempty"`
	InquiryDate          string `json:"inquiryDate,omitempty"` // YYYY-MM-DD

	Consultations []Consultation `json:"consultations,omitempty"`
	// Text is the Sachverhalt before the first question (a preamble), or the
	// whole body of a document without questions.
	Text      string     `json:"text,omitempty"`
	Questions []Question `json:"questions,omitempty"`
	Warnings  []string   `json:"warnings,omitempty"`
	// Removed lists the page furniture taken out of the text, line by line.
	Removed []string `json:"removed,omitempty"`
	// Labels are the words read as structure rather than content: table
	// headers, "Sachverhalt:", "Antwort:", "Frage", "Zu a)", the dates of the
	// Beratungsfolge as written. Only for CheckWords; not part of the JSON.
	Labels []string `json:"-"`
}

// Consultation is one row of the Beratungsfolge: which committee treats the
// paper, on which day, in which role (Anhörung, Vorberatung, Entscheidung,
// Kenntnisnahme).
type Consultation struct {
	Organization string `json:"organization"`
	Date         string `json:"date,omitempty"` // YYYY-MM-DD
	Role         string `json:"role,omitempty"`
}

// Question is one question of the inquiry with the administration's answer.
type Question struct {
	Number string `json:"number,omitempty"` // as numbered in the document; empty if it was not numbered
	Text   string `json:"text"`
	// Points are the sub-points a), b), … with their answers ("Zu a): …").
	Points []Point `json:"points,omitempty"`
	// Explanation is text the administration put between two parts of the
	// question (an "Exkurs"), kept apart from the question's own words.
	Explanation string `json:"explanation,omitempty"`
	Answer      string `json:"answer,omitempty"`
}

// Point is a sub-point of a question.
type Point struct {
	Label  string `json:"label"` // "a", "b", …
	Text   string `json:"text,omitempty"`
	Answer string `json:"answer,omitempty"`
}

// FullAnswer is the answer to q as one text: the interposed explanation, the
// answer, and the answers to the sub-points labelled "Zu a)", in that order.
func (q Question) FullAnswer() string {
	var parts []string
	if q.Explanation != "" {
		parts = append(parts, q.Explanation)
	}
	if q.Answer != "" {
		parts = append(parts, q.Answer)
	}
	for _, p := range q.Points {
		if p.Answer != "" {
			parts = append(parts, "Zu "+p.Label+"): "+p.Answer)
		}
	}
	return joinParagraphs(parts)
}

func joinParagraphs(parts []string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += "\n\n"
		}
		out += p
	}
	return out
}
