package demo

import (
	"context"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// referencePrefix is the letter of each paper type in the reference, e.g. "B 23/0042".
var referencePrefix = map[string]string{
	ratsinfo.PaperTypeResolution:  "B",
	ratsinfo.PaperTypeInformation: "M",
	ratsinfo.PaperTypeMotion:      "AN",
	ratsinfo.PaperTypeInquiry:     "A",
	ratsinfo.PaperTypeReport:      "BE",
}

// reference returns the next free reference of a paper type in the year of d. The
// numbers the seed story owns are skipped.
func (b *builder) reference(typ string, d time.Time) string {
	key := fmt.Sprintf("%s %02d", referencePrefix[typ], d.Year()%100)
	for {
		b.refs[key]++
		ref := fmt.Sprintf("%s/%04d", key, b.refs[key])
		if !b.reserved[ref] {
			return ref
		}
	}
}

// filled is a template with its placeholders replaced; area is the index of the plan
// area it names, or -1.
type filled struct {
	text string
	area int
}

// fill replaces the placeholders of a topic template with places of the city.
func (b *builder) fill(tmpl string, t time.Time) filled {
	f := filled{area: -1}
	if !strings.Contains(tmpl, "{") {
		f.text = tmpl
		return f
	}
	var sb strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(tmpl[i:], '}') + i
		sb.WriteString(tmpl[:i])
		switch tmpl[i+1 : j] {
		case "nr":
			fmt.Fprint(&sb, 100+b.rng.IntN(250))
		case "ord":
			fmt.Fprint(&sb, 1+b.rng.IntN(9))
		case "par":
			fmt.Fprint(&sb, 2+b.rng.IntN(24))
		case "area":
			f.area = b.rng.IntN(len(areas))
			sb.WriteString(areas[f.area])
		case "street":
			sb.WriteString(pick(b.rng, streets))
		case "district":
			sb.WriteString(pick(b.rng, districts))
		case "school":
			sb.WriteString(pick(b.rng, schools))
		case "kita":
			sb.WriteString(pick(b.rng, kitas))
		case "year":
			fmt.Fprint(&sb, t.Year()+b.rng.IntN(2))
		case "year0":
			fmt.Fprint(&sb, t.Year()-1)
		}
		tmpl = tmpl[j+1:]
	}
	sb.WriteString(tmpl)
	f.text = sb.String()
	return f
}

// route plans the Beratungsfolge of a new paper of type typ that starts in o: the
// administration's proposals go from the committee through the main committee to the
// council, smaller matters are decided by the committee itself, and information is
// only taken note of. The generator's district committees decide everything locally,
// so that the council's agendas keep a sane length at any scale.
func (b *builder) route(o *org, typ string) []step {
	decide := step{org: b.council, role: ratsinfo.RoleDecision, authoritative: true}
	here := func(role string) step { return step{org: o, role: role, authoritative: role == ratsinfo.RoleDecision} }
	switch typ {
	case ratsinfo.PaperTypeInformation, ratsinfo.PaperTypeReport, ratsinfo.PaperTypeAnswer:
		return []step{here(ratsinfo.RoleAcknowledge)}
	}
	district := o.kind == kindCommittee && len(b.special) > 3 && o != b.special[0] && o != b.special[1] && o != b.special[2]
	switch {
	case o == b.council || district:
		return []step{here(ratsinfo.RoleDecision)}
	case typ == ratsinfo.PaperTypeMotion:
		return []step{here(ratsinfo.RolePreliminary), decide}
	case o == b.mainCom:
		if chance(b.rng, 0.5) {
			return []step{here(ratsinfo.RoleDecision)}
		}
		return []step{here(ratsinfo.RolePreliminary), decide}
	}
	switch r := b.rng.Float64(); {
	case r < 0.4:
		return []step{here(ratsinfo.RolePreliminary), {org: b.mainCom, role: ratsinfo.RolePreliminary}, decide}
	case r < 0.7:
		return []step{here(ratsinfo.RolePreliminary), decide}
	}
	return []step{here(ratsinfo.RoleDecision)}
}

// paperTypeFor draws the type of a new paper; budget is how many papers the meeting
// may still start (an inquiry comes with its answer, so it needs two).
func (b *builder) paperTypeFor(o *org, budget int) string {
	r := b.rng.Float64()
	if o == b.council {
		if r < 0.35 {
			return ratsinfo.PaperTypeMotion
		}
		return ratsinfo.PaperTypeResolution
	}
	switch {
	case r < 0.36:
		return ratsinfo.PaperTypeResolution
	case r < 0.56:
		return ratsinfo.PaperTypeInformation
	case r < 0.64:
		return ratsinfo.PaperTypeReport
	case r < 0.78:
		return ratsinfo.PaperTypeMotion
	case budget >= 2:
		return ratsinfo.PaperTypeInquiry
	}
	return ratsinfo.PaperTypeInformation
}

// monthNames are the German names of the months.
var monthNames = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember"}

// longDate is the German long date form, "16. Januar 2023".
func longDate(t time.Time) string {
	return fmt.Sprintf("%d. %s %d", t.Day(), monthNames[t.Month()-1], t.Year())
}

// maxSameTitle is how often one paper title may occur in a city. Real records
// repeat a title now and then (a motion and the administration's proposal on it),
// but a list with the same title forty times looks generated.
const maxSameTitle = 2

// title returns name if the city has it fewer than maxSameTitle times, else the name
// with the month of the paper's date, as offices tell such papers apart, and after
// that with a part number.
func (b *builder) title(name string, d time.Time) string {
	if b.takeTitle(name) {
		return name
	}
	dated := fmt.Sprintf("%s (%s %d)", name, monthNames[d.Month()-1], d.Year())
	if b.takeTitle(dated) {
		return dated
	}
	for part := 2; ; part++ {
		if v := fmt.Sprintf("%s (%s %d, Teil %d)", name, monthNames[d.Month()-1], d.Year(), part); b.takeTitle(v) {
			return v
		}
	}
}

// takeTitle counts one use of name and reports whether it was still free. Titles are
// kept as 64-bit hashes, so that a generated city of millions of papers fits in
// memory; a collision only makes one title a little longer.
func (b *builder) takeTitle(name string) bool {
	h := fnv.New64a()
	h.Write([]byte(name))
	key := h.Sum64()
	if b.titles[key] >= maxSameTitle {
		return false
	}
	b.titles[key]++
	return true
}

// newPaper writes a paper that starts its way in meeting pm (for an inquiry: the
// inquiry and its answer, which is what the meeting treats) and returns it with the
// number of papers written.
func (b *builder) newPaper(ctx context.Context, pm *plannedMeeting, budget int) (*paperState, int, error) {
	o := pm.org
	typ := b.paperTypeFor(o, budget)
	tp := pick(b.rng, o.topics)
	subject := b.fill(tp.subject, pm.start)
	action := b.fill(pick(b.rng, tp.actions), pm.start).text
	// Dated before the invitation that puts it on the agenda: never after the
	// city's day, even for a meeting still to come.
	date := pm.invitationDay().AddDate(0, 0, -b.rng.IntN(21))
	p := &ratsinfo.Paper{BodyID: b.bodyID, PaperType: typ, Published: true, Date: ratsinfo.DateOf(date)}
	if subject.area >= 0 && subject.area < len(b.locations.areas) {
		p.LocationIDs = []int64{b.locations.areas[subject.area]}
	}
	unit := o.unit
	if strings.Contains(subject.text, "Digital") || strings.Contains(subject.text, "Smart") || strings.Contains(subject.text, "Online") {
		unit = b.digital
	}
	term := b.termIndex(date)
	faction := pick(b.rng, b.factions)
	switch typ {
	case ratsinfo.PaperTypeMotion:
		p.Name = fmt.Sprintf("Antrag der %s: %s – %s", faction.name, subject.text, pick(b.rng, []string{"Prüfauftrag an die Verwaltung", "Umsetzung beschleunigen", "Bericht der Verwaltung"}))
		p.OriginatorOrganizationIDs = []int64{faction.id}
		p.UnderDirectionOfIDs = []int64{unit.id}
	case ratsinfo.PaperTypeInquiry:
		return b.inquiry(ctx, pm, subject.text, unit, faction, term)
	case ratsinfo.PaperTypeResolution:
		p.Name = subject.text + " – " + action
		p.OriginatorOrganizationIDs = []int64{unit.id}
		p.UnderDirectionOfIDs = []int64{unit.id}
	case ratsinfo.PaperTypeInformation:
		p.Name = subject.text + ": " + pick(b.rng, []string{"Sachstand", "Information der Verwaltung", action})
		p.UnderDirectionOfIDs = []int64{unit.id}
	case ratsinfo.PaperTypeReport:
		p.Name = fmt.Sprintf("Bericht: %s – Umsetzungsstand %d", subject.text, date.Year())
		p.UnderDirectionOfIDs = []int64{unit.id}
	}
	p.Name = b.title(p.Name, date)
	p.Reference = b.reference(typ, date)
	ps := &paperState{name: p.Name, reference: p.Reference, typ: typ, route: b.route(o, typ),
		motion: typ == ratsinfo.PaperTypeMotion, ready: date}
	if err := b.writePaper(ctx, p, b.paperText(p, ps.route, unit), b.attachments()); err != nil {
		return nil, 0, err
	}
	ps.id = p.ID
	return ps, 1, nil
}

// attachments draws how many attachments a paper has: most have none.
func (b *builder) attachments() int {
	switch r := b.rng.Float64(); {
	case r < 0.2:
		return 1
	case r < 0.27:
		return 2
	}
	return 0
}

// inquiry writes an inquiry by a council member (or a whole faction) and the
// administration's answer, linked both ways, and returns the answer.
func (b *builder) inquiry(ctx context.Context, pm *plannedMeeting, subject string, unit, faction *org, term int) (*paperState, int, error) {
	asked := pm.start.AddDate(0, 0, -35-b.rng.IntN(28))
	answered := pm.invitationDay().AddDate(0, 0, -b.rng.IntN(10))
	q := &ratsinfo.Paper{BodyID: b.bodyID, PaperType: ratsinfo.PaperTypeInquiry, Published: true,
		Date: ratsinfo.DateOf(asked), UnderDirectionOfIDs: []int64{unit.id}}
	asker := "der " + faction.name
	if members := faction.members[term]; len(members) > 0 && chance(b.rng, 0.7) {
		id := pick(b.rng, members)
		asker = b.formalName(id)
		q.OriginatorPersonIDs = []int64{id}
	} else {
		q.OriginatorOrganizationIDs = []int64{faction.id}
	}
	q.Name = b.title(fmt.Sprintf("Anfrage %s zum Thema %s", asker, subject), asked)
	q.Reference = b.reference(ratsinfo.PaperTypeInquiry, asked)
	questions := b.rng.Perm(len(inquiryQuestions))[:3+b.rng.IntN(3)]
	if err := b.writePaper(ctx, q, b.inquiryText(q, questions, false), 0); err != nil {
		return nil, 0, err
	}
	a := &ratsinfo.Paper{BodyID: b.bodyID, PaperType: ratsinfo.PaperTypeAnswer, Published: true,
		Date: ratsinfo.DateOf(answered), Reference: q.Reference + "/1",
		Name:                b.title(fmt.Sprintf("Beantwortung der Anfrage %s zum Thema %s vom %s", asker, subject, longDate(asked)), answered),
		UnderDirectionOfIDs: []int64{unit.id}, OriginatorOrganizationIDs: []int64{unit.id},
		RelatedPaperIDs: []int64{q.ID}}
	if err := b.writePaper(ctx, a, b.inquiryText(a, questions, true), 0); err != nil {
		return nil, 0, err
	}
	q.RelatedPaperIDs = []int64{a.ID}
	b.writes++
	if err := b.s.UpdatePaper(ctx, q); err != nil {
		return nil, 0, fmt.Errorf("link inquiry %s: %w", q.Reference, err)
	}
	ps := &paperState{id: a.ID, name: a.Name, reference: a.Reference, typ: a.PaperType,
		route: b.route(pm.org, a.PaperType), ready: answered}
	return ps, 2, nil
}

// formalName is how a paper names a person: "von Frau Anna Hansen".
func (b *builder) formalName(id int64) string {
	if pe, ok := b.byID[id]; ok {
		return "von " + gendered(pe.female, "Frau ", "Herrn ") + pe.p.Name
	}
	return "eines Mitglieds der Stadtvertretung"
}
