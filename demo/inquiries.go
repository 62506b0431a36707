package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// InquiryStore is what the demo's inquiries need: the record to find their
// people and organizations, the inquiry path, and publishing.
type InquiryStore interface {
	ratsinfo.RecordStore
	ratsinfo.InquiryStore
	ratsinfo.AnswerPublisher
}

// demoInquiry is one inquiry of the demo and how far it has come.
type demoInquiry struct {
	title     string
	questions []ratsinfo.Question
	received  ratsinfo.Date // zero: not registered
	upTo      ratsinfo.InquiryState
	faction   bool   // asked by a faction instead of a member
	external  string // an inquirer from outside the council (with consent)
	interim   string
	extendTo  ratsinfo.Date
}

func qs(texts ...string) []ratsinfo.Question {
	out := make([]ratsinfo.Question, len(texts))
	for i, t := range texts {
		out[i].Text = t
	}
	return out
}

// demoInquiries cover every state of the path, so the back office, the API and
// /anfragen show each of them on the demo city. Their dates lie before day (the
// city's day), as many days as on the reference day 01.12.2026, and the years they
// ask about are the years they were asked in.
func demoInquiries(day ratsinfo.Date) []demoInquiry {
	ago := func(days int) ratsinfo.Date { return day.AddDays(-days) }
	year := func(days int) int { return ago(days).Year }
	return []demoInquiry{
		{title: "Anfrage zur Beleuchtung des Radwegs am Ossenmoorpark", received: ago(78), upTo: ratsinfo.InquiryPublished,
			questions: qs("Wie viele Leuchten fehlen auf dem Radweg zwischen Ossenmoorpark und Rathausallee?",
				"Bis wann ist die Lücke geschlossen?", "Was kostet der Lückenschluss?")},
		{title: "Anfrage zu Wartezeiten im Bürgeramt", received: ago(57), upTo: ratsinfo.InquiryPublished, faction: true,
			questions: []ratsinfo.Question{{Text: fmt.Sprintf("Wie lang waren die Wartezeiten auf einen Termin im Jahr %d?", year(57)),
				Points: []string{"im Mittel", "im ungünstigsten Monat"}}, {Text: "Welche Maßnahmen plant die Verwaltung?"}}},
		{title: "Anfrage zur Schulwegsicherung an der Grundschule Harksheide", received: ago(43), upTo: ratsinfo.InquirySignedOff,
			questions: qs("Welche Querungshilfen sind am Schulweg vorhanden?", "Wann wurde der Schulwegplan zuletzt aktualisiert?")},
		{title: "Anfrage zum Ausbau der Ladeinfrastruktur", received: ago(36), upTo: ratsinfo.InquiryAnswerDrafted,
			questions: qs("Wie viele öffentliche Ladepunkte gibt es?", fmt.Sprintf("Wie viele sind bis %d geplant?", year(36)+2))},
		{title: fmt.Sprintf("Anfrage zu den Kosten des Stadtfests %d", year(64)), received: ago(64), upTo: ratsinfo.InquiryRegistered,
			questions: qs(fmt.Sprintf("Was hat das Stadtfest %d gekostet?", year(64)), "Welche Einnahmen standen dem gegenüber?")},
		{title: "Anfrage zum Sanierungsstand der Sporthalle Garstedt", received: ago(50), upTo: ratsinfo.InquiryRegistered,
			interim: "Die Angaben des beauftragten Ingenieurbüros liegen erst in einigen Wochen vor.", extendTo: day.AddDays(17),
			questions: qs("Welche Schäden wurden festgestellt?", "Wann kann die Halle wieder genutzt werden?")},
		{title: "Einwohnerfrage zur Parkplatzsituation am Herold-Center", received: ago(8), upTo: ratsinfo.InquiryRegistered,
			external: "Jana Beispiel (Einwohnerin)", questions: qs("Warum wurden die Kurzzeitparkplätze verlegt?")},
		{title: "Anfrage zur Baumschutzsatzung", upTo: ratsinfo.InquirySubmitted,
			questions: qs(fmt.Sprintf("Wie viele Fällgenehmigungen wurden %d erteilt?", year(60)), "Wie viele Ersatzpflanzungen wurden angeordnet?")},
		{title: "Anfrage zur Nutzung des Jugendzentrums", upTo: ratsinfo.InquiryWithdrawn,
			questions: qs(fmt.Sprintf("Wie viele Besucherinnen und Besucher zählte das Jugendzentrum %d?", year(60)))},
		{title: "Anfrage zu Fördermitteln für Radabstellanlagen", upTo: ratsinfo.InquiryDraft,
			questions: qs(fmt.Sprintf("Welche Förderprogramme hat die Stadt %d genutzt?", year(60)))},
	}
}

// LoadInquiries writes the demo's inquiries on top of a loaded demo city, dated
// before the city's day, in one transaction, walking each along the path as the office would. Published
// answers get a simple PDF of their text, as every file of the demo does.
func LoadInquiries(ctx context.Context, s InquiryStore, blobs ratsinfo.BlobStore, city *City) error {
	return s.InTransaction(ctx, func(ctx context.Context) error {
		members, faction, err := demoInquirers(ctx, s, city)
		if err != nil {
			return err
		}
		unit := city.DigitalUnitID
		if unit == 0 {
			unit = city.MainCommitteeID
		}
		day := city.Day
		if day.IsZero() { // a City built by hand, as tests do
			day = ReferenceDay
		}
		for i, d := range demoInquiries(day) {
			q := &ratsinfo.Inquiry{BodyID: city.BodyID, Title: d.title, Questions: d.questions,
				PreferredCommitteeID: city.MainCommitteeID}
			switch {
			case d.external != "":
				q.ExternalInquirer, q.ExternalInquirerConsent = d.external, true
			case d.faction:
				q.FactionID = faction
			default:
				q.InquirerPersonIDs = []int64{members[i%len(members)]}
			}
			if err := walkInquiry(ctx, s, blobs, q, d, unit); err != nil {
				return fmt.Errorf("demo inquiry %q: %w", d.title, err)
			}
		}
		return nil
	})
}

// demoInquirers returns some council members and a faction of the demo city.
func demoInquirers(ctx context.Context, s InquiryStore, city *City) ([]int64, int64, error) {
	ms, err := s.FindMemberships(ctx, ratsinfo.MembershipFilter{OrganizationIDs: []int64{city.CouncilID}, ListFilter: ratsinfo.ListFilter{Limit: 6}})
	if err != nil {
		return nil, 0, err
	}
	var members []int64
	for _, m := range ms {
		members = append(members, m.PersonID)
	}
	orgs, err := s.FindOrganizations(ctx, ratsinfo.OrganizationFilter{})
	if err != nil {
		return nil, 0, err
	}
	var faction int64
	for _, o := range orgs {
		if o.OrganizationType == ratsinfo.OrgTypeFaction && faction == 0 {
			faction = o.ID
		}
	}
	if len(members) == 0 || faction == 0 {
		return nil, 0, fmt.Errorf("the demo council has no members or no faction")
	}
	return members, faction, nil
}

// walkInquiry creates q and takes it along the path up to d.upTo.
func walkInquiry(ctx context.Context, s InquiryStore, blobs ratsinfo.BlobStore, q *ratsinfo.Inquiry, d demoInquiry, unit int64) error {
	if err := s.CreateInquiry(ctx, q); err != nil {
		return err
	}
	step := func(a ratsinfo.InquiryAction) error {
		_, err := s.StepInquiry(ctx, q.ID, a, "")
		return err
	}
	if d.upTo == ratsinfo.InquiryDraft {
		return nil
	}
	if err := step(ratsinfo.ActionSubmit); err != nil || d.upTo == ratsinfo.InquirySubmitted {
		return err
	}
	if d.upTo == ratsinfo.InquiryWithdrawn {
		return step(ratsinfo.ActionWithdraw)
	}
	if _, err := s.RegisterInquiry(ctx, q.ID, ratsinfo.Registration{ReceivedOn: d.received, UnitID: unit}); err != nil {
		return err
	}
	if d.interim != "" {
		if _, err := s.GiveInterimAnswer(ctx, q.ID, d.interim); err != nil {
			return err
		}
	}
	if !d.extendTo.IsZero() {
		if _, err := s.ExtendDeadline(ctx, q.ID, d.extendTo, "Gutachten des Ingenieurbüros steht aus"); err != nil {
			return err
		}
	}
	if d.upTo == ratsinfo.InquiryRegistered {
		return nil
	}
	for n := range d.questions {
		answer := fmt.Sprintf("Die Verwaltung beantwortet Frage %d wie folgt:\n\n- %s\n- Einzelheiten stehen im Bericht der Stabsstelle.",
			n+1, "Die Angaben beruhen auf dem Stand vom "+d.received.AddDays(14).German()+".")
		if _, err := s.AnswerQuestion(ctx, q.ID, n+1, answer, time.Time{}); err != nil {
			return err
		}
	}
	if err := step(ratsinfo.ActionSubmitAnswer); err != nil || d.upTo == ratsinfo.InquiryAnswerDrafted {
		return err
	}
	if err := step(ratsinfo.ActionApprove); err != nil || d.upTo == ratsinfo.InquirySignedOff {
		return err
	}
	_, err := ratsinfo.PublishAnswer(ctx, s, blobs, demoPrinter{}, q.ID, d.received.AddDays(21))
	return err
}

// demoPrinter prints answer documents as the demo prints every file: a plain
// PDF of the text, so that the demo needs no browser.
type demoPrinter struct{}

func (demoPrinter) PrintAnswer(_ context.Context, d ratsinfo.AnswerDocument) ([]byte, error) {
	return pdfDocument(d.Title, d.PlainText()), nil
}
