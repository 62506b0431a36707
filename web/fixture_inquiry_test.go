package web

import (
	"context"
	"fmt"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// addInquiries writes inquiries on every step of the path that the public may
// see, plus a draft and a confidential one, with markers the leak test knows:
// an unpublished answer, a draft, a confidential inquiry and the name of a
// resident who did not consent must never reach a page.
func (w *world) addInquiries(ctx context.Context) error {
	s := w.store
	body := w.city.BodyID
	unit := w.city.MainCommitteeID // any organization of the body answers in the fixture
	mk := func(title string, edit func(*ratsinfo.Inquiry)) (*ratsinfo.Inquiry, error) {
		q := &ratsinfo.Inquiry{BodyID: body, Title: title, InquirerPersonIDs: []int64{w.fix.Pender},
			Questions: []ratsinfo.Question{
				{Text: "Wie viele Fahrradbügel gibt es am Rathaus?"},
				{Text: "Welche Standorte sind geplant?", Points: []string{"Am Bahnhof?", "Am Schulzentrum?"}},
			}}
		if edit != nil {
			edit(q)
		}
		return q, s.CreateInquiry(ctx, q)
	}
	step := func(id int64, a ratsinfo.InquiryAction) error {
		_, err := s.StepInquiry(ctx, id, a, "")
		return err
	}
	register := func(id int64, received ratsinfo.Date) error {
		_, err := s.RegisterInquiry(ctx, id, ratsinfo.Registration{ReceivedOn: received, UnitID: unit})
		return err
	}
	// The published answer is heard in a meeting of the main committee
	// planned at registration: the first after its receipt.
	meetings, err := s.FindMeetingsByStart(ctx, ratsinfo.MeetingRange{BodyID: body, OrganizationIDs: []int64{w.city.MainCommitteeID},
		From: time.Date(2026, 10, 6, 0, 0, 0, 0, ratsinfo.Berlin()), Limit: 1})
	if err != nil {
		return err
	}
	if len(meetings) == 0 {
		return fmt.Errorf("the demo city's main committee has no meeting after 5 October 2026")
	}
	hearing := meetings[0]
	answerAll := func(id int64, text string) error {
		for n := 1; n <= 2; n++ {
			if _, err := s.AnswerQuestion(ctx, id, n, text, time.Time{}); err != nil {
				return err
			}
		}
		return nil
	}

	published, err := mk("Anfrage zu Fahrradbügeln am Rathaus", nil)
	if err != nil {
		return err
	}
	for _, f := range []func() error{
		func() error { return step(published.ID, ratsinfo.ActionSubmit) },
		func() error {
			_, err := s.RegisterInquiry(ctx, published.ID, ratsinfo.Registration{ReceivedOn: ratsinfo.NewDate(2026, 10, 5), UnitID: unit,
				MeetingID: hearing.ID})
			return err
		},
		func() error {
			return answerAll(published.ID, "Veröffentlichte Antwort Leaktest:\n- 40 Bügel\n- siehe https://www.norderstedt.de/")
		},
		func() error { return step(published.ID, ratsinfo.ActionSubmitAnswer) },
		func() error { return step(published.ID, ratsinfo.ActionApprove) },
	} {
		if err := f(); err != nil {
			return err
		}
	}
	doc := ratsinfo.AnswerDocument{Title: "Beantwortung der Anfrage zu Fahrradbügeln am Rathaus"}
	if _, err := s.PublishInquiry(ctx, published.ID, doc, ratsinfo.PublishedFile{FileName: "Beantwortung.pdf", Text: "Antwort"}); err != nil {
		return err
	}

	overdue, err := mk("Anfrage zur Beleuchtung im Stadtpark", nil)
	if err != nil {
		return err
	}
	if err := step(overdue.ID, ratsinfo.ActionSubmit); err != nil {
		return err
	}
	if err := register(overdue.ID, ratsinfo.NewDate(2026, 10, 1)); err != nil {
		return err
	}
	if err := answerAll(overdue.ID, "GEHEIMANTWORT im Entwurf der Verwaltung"); err != nil {
		return err
	}

	external, err := mk("Einwohnerfrage zum Spielplatz Moorbek", func(q *ratsinfo.Inquiry) {
		q.InquirerPersonIDs, q.ExternalInquirer = nil, "Hanna Heimlich-Einwohnerin"
	})
	if err != nil {
		return err
	}
	if err := step(external.ID, ratsinfo.ActionSubmit); err != nil {
		return err
	}

	draft, err := mk("GEHEIMENTWURF einer Anfrage", nil)
	if err != nil {
		return err
	}
	confidential, err := mk("GEHEIMVERTRAULICH Anfrage zu Grundstücken", func(q *ratsinfo.Inquiry) { q.Confidential = true })
	if err != nil {
		return err
	}
	if err := step(confidential.ID, ratsinfo.ActionSubmit); err != nil {
		return err
	}
	if err := register(confidential.ID, ratsinfo.NewDate(2026, 10, 2)); err != nil {
		return err
	}
	w.fix.InquiryHearing = hearing.ID
	w.fix.InquiryPublished, w.fix.InquiryOverdue, w.fix.InquiryExternal = published.ID, overdue.ID, external.ID
	w.fix.InquiryDraft, w.fix.InquiryConfidential = draft.ID, confidential.ID
	w.secrets = append(w.secrets, "Hanna Heimlich-Einwohnerin")
	return nil
}
