package demo

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// answerText is the real answer of the administration of Norderstedt to Herr Pender's
// inquiry, as extracted from its PDF (layout debris included, on purpose: the legacy
// importer and search must cope with exactly this).
//
//go:embed seed/beantwortung-anfrage-pender-smart-city.txt
var answerText string

// The seed story's fixed names and numbers.
const (
	inquiryReference = "A 23/0012"
	inquiryName      = "Anfrage von Herrn Pender zum Thema Smart City Offensive"
	answerName       = "Beantwortung der Anfrage von Herrn Pender zum Thema Smart City Offensive vom 16. Januar 2023"
	goReportName     = "Bericht der Programmleitung Norderstedt GO! zum aktuellen Stand"
	barcelonaName    = "Bericht der Stabsstelle Digitalisierung über die Teilnahme an der Smart City Convention in Barcelona im November 2022"
	innovationItem   = "Innovationsstrategie und Innovationsagentur in der Metropolregion"

	seedAnswerFileName = "A_23-0012-1_Beantwortung_Anfrage_Pender_Smart_City_Offensive.txt"
)

// penderQuestions are the inquiry's questions as the answer quotes them, with the
// line-break hyphenation of the PDF repaired.
var penderQuestions = []string{
	"Welchen konkreten, messbaren Mehrwert erbrachte die Reise der Oberbürgermeisterin Roeder zur Smart City Convention in Barcelona im vergangenen November 2022 für die Smart City Offensive der Stadt Norderstedt? Welche nachhaltigen Kenntnisse für das Projekt „NorderstedtGO!“ wurden hierbei gewonnen, um eine solche Reise rechtzufertigen? Wie hoch beliefen sich die durch Steuergelder getragenen Kosten dieser Reise insgesamt?",
	"Warum wurden die dort gezeigten Präsentationen nicht per Mail angefragt oder die Teilnahme kostensparend durch den Livestream von Norderstedt aus wahrgenommen?",
	"Warum fand zudem von Seiten der Stadt Norderstedt aus und insbesondere in Funktion der Stabstelle Digitalisierung keine Kommunikation beim Besuch des Digitalisierungsministers, Herrn Dirk Schrödter, am 7. September 2022 zum Auftakt des „KI-StartUp-Pitch“ in Norderstedt statt?",
	"Hamburg nimmt wiederholt den Spitzenplatz im bundesweiten Smart City Ranking ein. Herr Pender ist als Landtagsabgeordneter ständiges Mitglied im Ausschuss für die Zusammenarbeit der Hansestadt Hamburg und dem Land Schleswig-Holstein tätig. Warum entspricht es der Auffassung der Verwaltung, unter Nennung der Stabstelle für Digitalisierung und der Oberbürgermeisterin, dass derzeit keine Notwendigkeit zum Gespräch mit dem gewählten Landtagsabgeordneten für Norderstedt besteht? (Gerade unter dem Aspekt, der am 20. Januar bevorstehenden Ausschusssitzung im Hamburger Rathauses.)",
	"Entspricht es der Meinung der Oberbürgermeisterin der Stadt Norderstedt und der Stabstelle für Digitalisierung, dass der Landtagsabgeordnete als von den Bürgerinnen und Bürgern frei gewählter Mandatsträger eine verbindende und wirkende Funktion zwischen seinem Wahlkreis und der Landespolitik einnimmt?",
	"Bisher sind 21 Digitale Knotenpunkte im Land Schleswig-Holstein entstanden, die verschiedene Schwerpunkte des Digitalen Wandels an Bürgerinnen und Bürgern vermitteln. Warum ist es nach Auffassung der Stabsstelle Digitalisierung für Norderstedt nicht von Relevanz als 4. Größte Stadt in Schleswig-Holstein, ebenfalls einen Digitalen Knotenpunkt zu etablieren und diese Zielsetzung in den Meilensteinen von Norderstedt GO! auch aufzuführen?",
}

// seedStory keeps what the seed story has written, for City.
type seedStory struct {
	city   City
	pender *person
}

// itemWritten notes the agenda item where the answer is heard, the first time.
func (s *seedStory) itemWritten(paperID, meetingID, itemID int64) {
	if paperID == s.city.AnswerPaperID && s.city.HearingAgendaItemID == 0 {
		s.city.HearingMeetingID, s.city.HearingAgendaItemID = meetingID, itemID
	}
}

func (b *builder) seedPaperCount() int {
	if b.cfg.norderstedt {
		return 4
	}
	return 0
}

// seedMeetingDay returns the day of the month of the main committee's meetings that
// the seed names (16.01., 27.02. and 13.03.2023), or 0.
func seedMeetingDay(main bool, y int, m time.Month) int {
	if !main || y != 2023 {
		return 0
	}
	return map[time.Month]int{time.January: 16, time.February: 27, time.March: 13}[m]
}

// seedMeetings are the joint committee's meetings the answer mentions: 20.01.2023 in
// the Hamburg city hall and 30.06.2023 in Norderstedt.
func (b *builder) seedMeetings() []*plannedMeeting {
	name := "Sitzung " + genitive(b.joint.name)
	return []*plannedMeeting{
		{org: b.joint, start: b.at(time.Date(2023, 1, 20, 0, 0, 0, 0, time.UTC), 10, 0),
			name: name + " in Hamburg", location: b.locations.hamburg,
			extra: []agendaItem{{name: innovationItem, public: true}}},
		{org: b.joint, start: b.at(time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC), 10, 0),
			name: name + " in Norderstedt", location: b.locations.plenary,
			extra: []agendaItem{{name: innovationItem + " – Fortsetzung der Beratung", public: true},
				{name: "Smart-City-Aktivitäten in der Metropolregion Hamburg", public: true}}},
	}
}

// planSeedPeople adds the persons the answer names and the administration around it.
func (b *builder) planSeedPeople(seen map[string]bool) {
	named := func(title, given, family, status string, female bool) *person {
		pe := &person{female: female, p: ratsinfo.Person{GivenName: given, FamilyName: family,
			FormOfAddress: gendered(female, "Frau", "Herr"), Gender: gendered(female, "female", "male"),
			Status: []string{status}}}
		pe.p.Name = strings.TrimSpace(title + " " + given + " " + family)
		if title != "" {
			pe.p.Title = []string{title}
		}
		b.people = append(b.people, pe)
		return pe
	}
	b.seed.pender = named("", "Patrick", "Pender", "Landtagsabgeordneter", false)
	b.seed.pender.plans = []memberPlan{{org: b.joint, role: "Mitglied", voting: true, term: -1,
		start: ratsinfo.NewDate(2022, 6, 7)}}
	named("", "Elke Christina", "Roeder", "Oberbürgermeisterin", true)
	named("Dr.", "Christoph", "Magazowski", "Erster Stadtrat", false)
	named("", "Katrin", "Schmieder", "Zweite Stadträtin", true)
	for i := range 2 { // the programme office: the unit's head and the Stadtwerke's smart-city officer
		pe := b.newPerson(seen)
		role := "Leitung"
		pe.p.Status = []string{"Leitung der Stabsstelle Digitalisierung"}
		if i == 1 {
			role = gendered(pe.female, "Smart-City-Beauftragte", "Smart-City-Beauftragter")
			pe.p.Status = []string{role + " der Stadtwerke Norderstedt"}
		}
		pe.p.ContactConsent = true
		pe.plans = []memberPlan{{org: b.digital, role: role, voting: true, term: -1, start: ratsinfo.NewDate(2021, 4, 1)}}
		b.people = append(b.people, pe)
	}
	for i := range 2 { // citizens who sit in a committee for a faction (bürgerliche Mitglieder)
		pe := b.newPerson(seen)
		pe.plans = []memberPlan{{org: b.special[i], role: "Mitglied (bürgerliches Mitglied)", voting: true, term: 1,
			start: b.terms[1].start, behalf: b.factions[i]}}
		b.people = append(b.people, pe)
	}
}

// seedPapers writes the papers of the seed story and queues them for the main
// committee's meetings of 16.01., 27.02. (the hearing of the answer) and 13.03.2023.
func (b *builder) seedPapers(ctx context.Context) error {
	day := func(m time.Month, d int) time.Time { return b.at(time.Date(2023, m, d, 0, 0, 0, 0, time.UTC), 0, 0) }
	queue := func(p *ratsinfo.Paper, role string, ready time.Time) {
		ps := &paperState{id: p.ID, name: p.Name, reference: p.Reference, typ: p.PaperType, ready: ready,
			route: []step{{org: b.mainCom, role: role}}}
		b.pending[b.mainCom] = append(b.pending[b.mainCom], ps)
	}
	report := func(name string, d time.Time) error {
		p := &ratsinfo.Paper{BodyID: b.bodyID, Name: name, PaperType: ratsinfo.PaperTypeReport, Published: true,
			Date: ratsinfo.DateOf(d), Reference: b.reference(ratsinfo.PaperTypeReport, d),
			UnderDirectionOfIDs: []int64{b.digital.id}, OriginatorOrganizationIDs: []int64{b.digital.id}}
		route := []step{{org: b.mainCom, role: ratsinfo.RoleAcknowledge}}
		if err := b.writePaper(ctx, p, b.paperText(p, route, b.digital), 0); err != nil {
			return err
		}
		queue(p, ratsinfo.RoleAcknowledge, d)
		return nil
	}
	if err := report(barcelonaName, day(time.January, 16)); err != nil {
		return err
	}
	b.reserved[inquiryReference] = true
	inquiry := &ratsinfo.Paper{BodyID: b.bodyID, Name: inquiryName, Reference: inquiryReference,
		PaperType: ratsinfo.PaperTypeInquiry, Published: true, Date: ratsinfo.NewDate(2023, 1, 16),
		OriginatorPersonIDs: []int64{b.seed.pender.id}, UnderDirectionOfIDs: []int64{b.digital.id}}
	if err := b.writePaper(ctx, inquiry, func() string {
		var sb strings.Builder
		fmt.Fprintf(&sb, "Anfrage des Landtagsabgeordneten Herrn Patrick Pender vom 16. Januar 2023\nzum Thema Smart City Offensive\n\n")
		for i, q := range penderQuestions {
			fmt.Fprintf(&sb, "%d) %s\n\n", i+1, q)
		}
		return sb.String()
	}, 0); err != nil {
		return err
	}
	fileID, err := b.writeFile(ctx, fileSpec{kind: "seed", name: answerName, plain: true,
		fileName: seedAnswerFileName,
		date:     ratsinfo.NewDate(2023, 2, 20), text: func() string { return answerText }})
	if err != nil {
		return err
	}
	answer := &ratsinfo.Paper{BodyID: b.bodyID, Name: answerName, Reference: inquiryReference + "/1",
		PaperType: ratsinfo.PaperTypeAnswer, Published: true, Date: ratsinfo.NewDate(2023, 2, 20),
		MainFileID: fileID, RelatedPaperIDs: []int64{inquiry.ID},
		UnderDirectionOfIDs: []int64{b.digital.id}, OriginatorOrganizationIDs: []int64{b.digital.id}}
	if err := b.writePaper(ctx, answer, nil, 0); err != nil {
		return err
	}
	inquiry.RelatedPaperIDs = []int64{answer.ID}
	b.writes++
	if err := b.s.UpdatePaper(ctx, inquiry); err != nil {
		return fmt.Errorf("link inquiry %s: %w", inquiryReference, err)
	}
	queue(answer, ratsinfo.RoleHearing, day(time.February, 20))
	b.seed.city.InquiryPaperID, b.seed.city.AnswerPaperID, b.seed.city.AnswerFileID = inquiry.ID, answer.ID, fileID
	return report(goReportName, day(time.March, 6))
}

// SeedAnswer returns the seed answer as the demo city stores it (the answer
// paper's main file): its file name and content. The program structures it
// through the legacy importer, as a city would import its old answers.
func SeedAnswer() (fileName string, content []byte) {
	return seedAnswerFileName, []byte(answerText)
}
