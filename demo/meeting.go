package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// step is one row of a paper's planned Beratungsfolge.
type step struct {
	org           *org
	role          string
	authoritative bool
}

// paperState is a written paper on its way through the committees.
type paperState struct {
	id        int64
	name      string
	reference string
	typ       string
	route     []step
	next      int       // index of the step it waits for
	ready     time.Time // not on an agenda before this
	position  int       // consultations written so far
	motion    bool      // an Antrag: more often rejected than the administration's papers
}

// agendaItem is an item before it is written: a heading, a standard item, or a paper.
type agendaItem struct {
	number string
	name   string
	public bool
	sub    bool // under the previous heading
	paper  *paperState

	result, resolution string
}

// meeting writes one meeting with its agenda: the papers waiting for its organization,
// the new papers that start here, the standard items and a few non-public ones.
func (b *builder) meeting(ctx context.Context, pm *plannedMeeting) error {
	if !pm.hasAgenda() {
		return b.writeMeeting(ctx, pm, nil)
	}
	var papers []*paperState
	if pm.org.kind != kindExternal {
		papers = b.takePending(pm.org, pm.start)
		for k := pm.newPapers; k > 0; {
			ps, n, err := b.newPaper(ctx, pm, k)
			if err != nil {
				return err
			}
			k -= n
			papers = append(papers, ps)
		}
	}
	items := b.agenda(pm, papers)
	if pm.state() == ratsinfo.MeetingHeld && !pm.cancelled {
		for i := range items {
			b.decide(pm, &items[i])
		}
	}
	return b.writeMeeting(ctx, pm, items)
}

// takePending removes and returns the papers that wait for o and are ready by t.
func (b *builder) takePending(o *org, t time.Time) []*paperState {
	var take, keep []*paperState
	for _, ps := range b.pending[o] {
		if ps.ready.After(t) {
			keep = append(keep, ps)
		} else {
			take = append(take, ps)
		}
	}
	b.pending[o] = keep
	return take
}

// agenda numbers the items: opening items, one heading per group of papers with
// sub-items ("5", "5.1", "5.2"), any other business, and the non-public part.
func (b *builder) agenda(pm *plannedMeeting, papers []*paperState) []agendaItem {
	items := []agendaItem{
		{name: "Eröffnung der Sitzung, Feststellung der ordnungsgemäßen Ladung und der Beschlussfähigkeit", public: true},
		{name: "Feststellung der Tagesordnung", public: true},
	}
	if pm.org.kind != kindExternal {
		items = append(items, agendaItem{name: "Einwohnerfragestunde", public: true})
	}
	if last, ok := b.lastHeld[pm.org]; ok {
		items = append(items, agendaItem{public: true,
			name: "Genehmigung der Niederschrift über die Sitzung vom " + last.Format("02.01.2006")})
	}
	items = append(items, pm.extra...)
	groups := []struct {
		heading string
		types   []string
	}{
		{"Anträge", []string{ratsinfo.PaperTypeMotion}},
		{"Vorlagen der Verwaltung", []string{ratsinfo.PaperTypeResolution}},
		{"Berichte, Mitteilungen und Beantwortungen von Anfragen", []string{ratsinfo.PaperTypeInformation, ratsinfo.PaperTypeReport, ratsinfo.PaperTypeAnswer}},
	}
	for _, g := range groups {
		var sub []agendaItem
		for _, ps := range papers {
			if slices.Contains(g.types, ps.typ) {
				sub = append(sub, agendaItem{name: ps.name, public: true, sub: true, paper: ps})
			}
		}
		if len(sub) > 0 {
			items = append(items, agendaItem{name: g.heading, public: true})
			items = append(items, sub...)
		}
	}
	if pm.org.kind != kindExternal {
		items = append(items, agendaItem{name: "Mitteilungen der Verwaltung", public: true},
			agendaItem{name: "Verschiedenes", public: true})
	}
	if pm.org.kind != kindExternal && chance(b.rng, 0.6) {
		for range 1 + b.rng.IntN(2) {
			items = append(items, agendaItem{name: b.fill(pick(b.rng, nonPublicItems), pm.start).text})
		}
	}
	number(items)
	return items
}

// number gives top-level items "1", "2", … and items under a heading "n.1", "n.2".
func number(items []agendaItem) {
	top, sub := 0, 0
	for i := range items {
		if items[i].sub {
			sub++
			items[i].number = fmt.Sprintf("%d.%d", top, sub)
			continue
		}
		top++
		sub = 0
		items[i].number = fmt.Sprint(top)
	}
}

// decide sets the result of an item of a held meeting and moves its paper on.
func (b *builder) decide(pm *plannedMeeting, it *agendaItem) {
	ps := it.paper
	if ps == nil || ps.next >= len(ps.route) {
		return
	}
	st := ps.route[ps.next]
	r := b.rng.Float64()
	switch st.role {
	case ratsinfo.RoleDecision:
		yes := 0.88
		if ps.motion {
			yes = 0.6
		}
		switch {
		case r < yes*0.88:
			it.result = "ungeändert beschlossen"
		case r < yes:
			it.result = "geändert beschlossen"
		case r < 0.95:
			it.result = "abgelehnt"
		default:
			it.result = "vertagt"
		}
		if it.result != "vertagt" && it.result != "abgelehnt" {
			it.resolution = fmt.Sprintf("%s beschließt gemäß Vorlage %s: %s.", orgSubject(pm.org), ps.reference, ps.name)
		}
	case ratsinfo.RolePreliminary:
		switch {
		case r < 0.8:
			it.result = "ungeändert empfohlen"
		case r < 0.92:
			it.result = "geändert empfohlen"
		default:
			it.result = "vertagt"
		}
		if it.result != "vertagt" {
			it.resolution = fmt.Sprintf("%s empfiehlt, gemäß Vorlage %s zu beschließen.", orgSubject(pm.org), ps.reference)
		}
	default:
		it.result = "zur Kenntnis genommen"
	}
}

// orgSubject is the organization as the subject of a resolution sentence.
func orgSubject(o *org) string {
	g := genitive(o.name)
	if g[:3] == "der" {
		return "Die" + g[3:]
	}
	return "Der " + o.name
}
