package ratsinfo

import (
	"context"
	"fmt"
	"strings"
)

// AnswerPrinter renders an answer document as its accessible PDF.
type AnswerPrinter interface {
	PrintAnswer(ctx context.Context, d AnswerDocument) ([]byte, error)
}

// PublishedFile is the stored PDF of a published answer.
type PublishedFile struct {
	BlobKey  string
	Size     int64
	SHA512   string
	FileName string
	Text     string // the document's plain text, for search and OParl File.text
}

// AnswerPublisher is the part of the store that publishing needs: the inquiry,
// the names it prints, and the step that writes the answer paper.
type AnswerPublisher interface {
	FindInquiry(ctx context.Context, id int64) (*Inquiry, error)
	FindBodyByID(ctx context.Context, id int64) (*Body, error)
	FindOrganizationByID(ctx context.Context, id int64) (*Organization, error)
	FindPersonByID(ctx context.Context, id int64) (*Person, error)
	FindMeetingByID(ctx context.Context, id int64) (*Meeting, error)
	// PublishInquiry writes, in one transaction, the answer's File and Paper
	// (linked both ways with the inquiry's paper) and moves the inquiry to
	// published.
	PublishInquiry(ctx context.Context, id int64, doc AnswerDocument, f PublishedFile) (*Inquiry, error)
}

// PublishAnswer publishes the signed-off answer of inquiry id on day today:
// it prints the answer document, stores the PDF and has the store write the
// answer paper. The rights and the state are checked before anything is
// printed, and again by the store in its transaction.
func PublishAnswer(ctx context.Context, s AnswerPublisher, blobs BlobStore, printer AnswerPrinter, id int64, today Date) (*Inquiry, error) {
	q, err := s.FindInquiry(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := CanStepInquiry(ctx, q, ActionPublish); err != nil {
		return nil, err
	}
	if _, err := q.State.Next(ActionPublish); err != nil {
		return nil, err
	}
	doc, err := answerDocument(ctx, s, q, today)
	if err != nil {
		return nil, err
	}
	pdf, err := printer.PrintAnswer(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("publish inquiry %d: print: %w", id, err)
	}
	key, size, sha, err := blobs.Put(ctx, strings.NewReader(string(pdf)))
	if err != nil {
		return nil, fmt.Errorf("publish inquiry %d: store PDF: %w", id, err)
	}
	f := PublishedFile{BlobKey: key, Size: size, SHA512: sha, FileName: answerFileName(q.Reference), Text: doc.PlainText()}
	return s.PublishInquiry(ctx, id, doc, f)
}

// answerDocument collects what the answer's PDF shows.
func answerDocument(ctx context.Context, s AnswerPublisher, q *Inquiry, today Date) (AnswerDocument, error) {
	d := AnswerDocument{Reference: q.Reference, Date: today, Preamble: q.Preamble, Questions: q.Questions}
	body, err := s.FindBodyByID(ctx, q.BodyID)
	if err != nil {
		return d, fmt.Errorf("answer document: body: %w", err)
	}
	d.BodyName = body.Name
	if q.UnitID != 0 {
		unit, err := s.FindOrganizationByID(ctx, q.UnitID)
		if err != nil {
			return d, fmt.Errorf("answer document: unit: %w", err)
		}
		d.UnitName = unit.Name
	}
	asker, err := askerPhrase(ctx, s, q)
	if err != nil {
		return d, err
	}
	d.Title = AnswerTitle(asker, q.Title, q.ReceivedOn)
	c, err := plannedConsultation(ctx, s, q)
	if err != nil || c == nil {
		return d, err
	}
	d.Consultations = append(d.Consultations, *c)
	return d, nil
}

// plannedConsultation is the Beratungsfolge row of the answer: the committee,
// meeting day and role the registration planned (an inquiry registered before
// plans existed: its preferred committee, Anhörung); nil when none is planned.
func plannedConsultation(ctx context.Context, s AnswerPublisher, q *Inquiry) (*AnswerConsultation, error) {
	committee, role := q.PlannedCommitteeID, q.PlannedRole
	if committee == 0 {
		committee = q.PreferredCommitteeID
	}
	if role == "" {
		role = RoleHearing
	}
	if committee == 0 {
		return nil, nil
	}
	org, err := s.FindOrganizationByID(ctx, committee)
	if err != nil {
		return nil, fmt.Errorf("answer document: committee: %w", err)
	}
	c := &AnswerConsultation{Organization: org.Name, Role: role}
	if q.PlannedMeetingID != 0 {
		m, err := s.FindMeetingByID(ctx, q.PlannedMeetingID)
		switch {
		case err == nil && !m.Deleted && !m.Cancelled && !m.Start.IsZero():
			c.Date = DateOf(m.Start.In(Berlin()))
		case err != nil && ErrorCode(err) != ENOTFOUND:
			return nil, fmt.Errorf("answer document: meeting: %w", err)
		}
	}
	return c, nil
}

// askerPhrase names who asks, in the dative the title needs: "von Herrn
// Pender", "von Frau Muster und Herrn Beispiel", "der Fraktion Bürgerliste".
func askerPhrase(ctx context.Context, s AnswerPublisher, q *Inquiry) (string, error) {
	var names []string
	for _, id := range q.InquirerPersonIDs {
		p, err := s.FindPersonByID(ctx, id)
		if err != nil {
			return "", fmt.Errorf("answer document: inquirer: %w", err)
		}
		names = append(names, personDative(p))
	}
	if q.ExternalInquirer != "" && q.ExternalInquirerConsent {
		names = append(names, q.ExternalInquirer)
	}
	phrase := ""
	if len(names) > 0 {
		phrase = "von " + joinGerman(names)
	}
	if q.FactionID != 0 {
		f, err := s.FindOrganizationByID(ctx, q.FactionID)
		if err != nil {
			return "", fmt.Errorf("answer document: faction: %w", err)
		}
		if phrase == "" {
			return "der " + f.Name, nil
		}
		phrase += " (" + f.Name + ")"
	}
	return phrase, nil
}

// personDative is "Herrn Pender", "Frau Muster", or the full name without a form
// of address.
func personDative(p *Person) string {
	switch p.FormOfAddress {
	case "Herr":
		return "Herrn " + p.FamilyName
	case "Frau":
		return "Frau " + p.FamilyName
	}
	if p.Name != "" {
		return p.Name
	}
	return strings.TrimSpace(p.GivenName + " " + p.FamilyName)
}

func joinGerman(list []string) string {
	if len(list) <= 1 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " und " + list[len(list)-1]
}

// answerFileName turns a reference into the answer's file name:
// "A 23/0001" → "Beantwortung_A_23-0001.pdf".
func answerFileName(ref string) string {
	r := strings.NewReplacer(" ", "_", "/", "-", "\\", "-")
	if ref == "" {
		return "Beantwortung.pdf"
	}
	return "Beantwortung_" + r.Replace(ref) + ".pdf"
}

// PlainText is the document's text as search and OParl's File.text carry it.
func (d AnswerDocument) PlainText() string {
	var b strings.Builder
	b.WriteString(d.Title + "\n\n")
	if d.Preamble != "" {
		b.WriteString("Sachverhalt\n" + d.Preamble + "\n\n")
	}
	for _, q := range d.Questions {
		fmt.Fprintf(&b, "Frage %d\n%s\n", q.Number, q.Text)
		for i, p := range q.Points {
			b.WriteString(PointLabel(i) + " " + p + "\n")
		}
		b.WriteString("Antwort\n" + q.Answer + "\n\n")
	}
	return strings.TrimSpace(b.String())
}
