package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// term is a legislative term as the builder needs it.
type term struct {
	id         int64
	start, end ratsinfo.Date
}

// orgKind tells the builder how an organization takes part in council business.
type orgKind int

const (
	kindCouncil orgKind = iota
	kindMain
	kindCommittee
	kindFaction
	kindUnit
	kindExternal
)

// org is an organization with what the builder needs: how often it meets, what it
// deals with, who sits in it.
type org struct {
	id     int64
	name   string
	short  string
	kind   orgKind
	topics []topic
	unit   *org // administrative unit that drafts its papers

	// meeting pattern: the nth weekday of every period-th month, at hour:minute
	weekday      time.Weekday
	nth          int
	period       int
	phase        int
	hour, minute int
	room         int64

	members [2][]int64 // voting members per term, the participants of its meetings
}

// places are the locations that meetings and papers refer to.
type places struct {
	rathaus, plenary, room2, hamburg, library int64
	areas                                     []int64 // plan areas of Bebauungspläne
}

// frame writes the body, its locations, the two terms and the organizations.
func (b *builder) frame(ctx context.Context) error {
	body := &ratsinfo.Body{
		Name:           "Stadt Norderstedt",
		ShortName:      "Norderstedt",
		Website:        "https://www.norderstedt.de/",
		AGS:            "01060063",
		RGS:            "010600063063",
		ContactEmail:   "ratsinfo@norderstedt.example",
		ContactName:    "Büro der Stadtvertretung",
		Classification: "Stadt",
	}
	if !b.cfg.norderstedt {
		body.Name, body.ShortName, body.Website = "Generierte Stadt", "Generiert", ""
		body.AGS, body.RGS = "", ""
	}
	if err := b.create(ctx, body.Validate, func() error { return b.s.CreateBody(ctx, body) }); err != nil {
		return err
	}
	b.bodyID, b.bodyName = body.ID, body.Name
	if err := b.writePlaces(ctx); err != nil {
		return err
	}
	body.LocationID = b.locations.rathaus
	if err := b.s.UpdateBody(ctx, body); err != nil {
		return fmt.Errorf("update body: %w", err)
	}
	for _, t := range []term{
		{start: ratsinfo.NewDate(2018, 6, 1), end: ratsinfo.NewDate(2023, 5, 31)},
		{start: ratsinfo.NewDate(2023, 6, 1), end: ratsinfo.NewDate(2028, 5, 31)},
	} {
		lt := &ratsinfo.LegislativeTerm{BodyID: b.bodyID, StartDate: t.start, EndDate: t.end,
			Name: fmt.Sprintf("Wahlperiode %d–%d", t.start.Year, t.end.Year)}
		if err := b.create(ctx, lt.Validate, func() error { return b.s.CreateLegislativeTerm(ctx, lt) }); err != nil {
			return err
		}
		t.id = lt.ID
		b.terms = append(b.terms, t)
	}
	if err := b.writeOrganizations(ctx); err != nil {
		return err
	}
	b.planPeople()
	return nil
}

// create validates an object first, so that a bug in the demo names the field at
// fault instead of surfacing as a store error, and counts the write.
func (b *builder) create(ctx context.Context, validate func() error, write func() error) error {
	if err := validate(); err != nil {
		return err
	}
	b.writes++
	return write()
}

func point(lon, lat float64) string {
	return fmt.Sprintf(`{"type":"Feature","geometry":{"type":"Point","coordinates":[%.4f,%.4f]},"properties":{}}`, lon, lat)
}

func (b *builder) writePlaces(ctx context.Context) error {
	loc := func(l ratsinfo.Location) (int64, error) {
		l.BodyID = b.bodyID
		if l.Locality == "" {
			l.Locality = "Norderstedt"
		}
		err := b.create(ctx, l.Validate, func() error { return b.s.CreateLocation(ctx, &l) })
		return l.ID, err
	}
	rathaus := ratsinfo.Location{Description: "Rathaus Norderstedt", StreetAddress: "Rathausallee 50",
		PostalCode: "22846", GeoJSON: point(10.0103, 53.7064)}
	var err error
	p := &b.locations
	if p.rathaus, err = loc(rathaus); err != nil {
		return err
	}
	rathaus.Room, rathaus.Description = "Plenarsaal", "Rathaus Norderstedt, Plenarsaal"
	if p.plenary, err = loc(rathaus); err != nil {
		return err
	}
	rathaus.Room, rathaus.Description = "Sitzungsraum 2", "Rathaus Norderstedt, Sitzungsraum 2"
	if p.room2, err = loc(rathaus); err != nil {
		return err
	}
	if p.hamburg, err = loc(ratsinfo.Location{Description: "Hamburger Rathaus, Kaisersaal",
		StreetAddress: "Rathausmarkt 1", PostalCode: "20095", Locality: "Hamburg",
		GeoJSON: point(9.9922, 53.5503)}); err != nil {
		return err
	}
	if p.library, err = loc(ratsinfo.Location{Description: "Stadtbücherei Norderstedt (möglicher digitaler Knotenpunkt)",
		StreetAddress: "Rathausallee 50", PostalCode: "22846", GeoJSON: point(10.0108, 53.7061)}); err != nil {
		return err
	}
	for i, a := range areas[:4] {
		id, err := loc(ratsinfo.Location{Description: "Plangebiet „" + a + "“", SubLocality: districts[i],
			GeoJSON: point(9.99+0.012*float64(i), 53.69+0.01*float64(i%3))})
		if err != nil {
			return err
		}
		p.areas = append(p.areas, id)
	}
	return nil
}

// factionPlan is a faction and its seats in the Stadtvertretung in each term.
type factionPlan struct {
	name, short string
	seats       [2]int
}

var factionPlans = []factionPlan{
	{"CDU-Fraktion", "CDU", [2]int{13, 13}},
	{"SPD-Fraktion", "SPD", [2]int{10, 8}},
	{"Fraktion Bündnis 90/Die Grünen", "GRÜNE", [2]int{7, 9}},
	{"WiN-Fraktion", "WiN", [2]int{5, 4}},
	{"FDP-Fraktion", "FDP", [2]int{4, 5}},
}

func (b *builder) writeOrganizations(ctx context.Context) error {
	// The record starts with the first term: the council and its committees are
	// constituted anew each term, so their start is the first term's (a start of
	// 01.01.1970 reads like a missing date). The administration's units carry the
	// dates of the reorganisations that created them.
	constituted := b.terms[0].start
	reorganised := ratsinfo.NewDate(2008, 1, 1)
	write := func(o *org, typ, class string, start ratsinfo.Date, parent *org) error {
		ro := &ratsinfo.Organization{BodyID: b.bodyID, Name: o.name, ShortName: o.short,
			OrganizationType: typ, Classification: class, StartDate: start}
		if parent != nil {
			ro.SubOrganizationOf = parent.id
		}
		if o.kind == kindExternal {
			ro.Website = "https://www.landtag.ltsh.de/"
		}
		if err := b.create(ctx, ro.Validate, func() error { return b.s.CreateOrganization(ctx, ro) }); err != nil {
			return err
		}
		o.id = ro.ID
		b.orgCount++
		return nil
	}
	unit := func(name, short, class string, start ratsinfo.Date) (*org, error) {
		o := &org{name: name, short: short, kind: kindUnit}
		b.units = append(b.units, o)
		return o, write(o, ratsinfo.OrgTypeAdminUnit, class, start, nil)
	}
	var err error
	if b.digital, err = unit("Stabsstelle Digitalisierung", "Stabsstelle Digitalisierung", "Stabsstelle", ratsinfo.NewDate(2019, 4, 1)); err != nil {
		return err
	}
	planning, err := unit("Fachbereich Planung", "FB Planung", "Fachbereich", reorganised)
	if err != nil {
		return err
	}
	schoolUnit, err := unit("Amt für Schule, Sport und Kindertagesstätten", "Schulamt", "Amt", reorganised)
	if err != nil {
		return err
	}
	finance, err := unit("Fachbereich Finanzen", "FB Finanzen", "Fachbereich", reorganised)
	if err != nil {
		return err
	}

	b.council = &org{name: "Stadtvertretung", short: "StV", kind: kindCouncil, topics: councilTopics, unit: finance,
		weekday: time.Thursday, nth: 4, period: 2, hour: 18, minute: 30, room: b.locations.plenary}
	if err := write(b.council, ratsinfo.OrgTypeCommittee, "Parlament", constituted, nil); err != nil {
		return err
	}
	b.mainCom = &org{name: "Hauptausschuss", short: "HA", kind: kindMain, topics: mainTopics, unit: finance,
		weekday: time.Monday, nth: 3, period: 1, hour: 18, room: b.locations.room2}
	if err := write(b.mainCom, ratsinfo.OrgTypeCommittee, "Ausschuss", constituted, b.council); err != nil {
		return err
	}
	committees := []*org{
		{name: "Ausschuss für Stadtentwicklung und Verkehr", short: "StuV", topics: planningTopics, unit: planning},
		{name: "Ausschuss für Schule, Sport und Jugend", short: "SSJ", topics: schoolTopics, unit: schoolUnit},
		{name: "Umwelt- und Klimaschutzausschuss", short: "UKA", topics: climateTopics, unit: planning},
	}
	lists := [][]topic{planningTopics, schoolTopics, climateTopics}
	for i := len(committees); i < b.cfg.committees; i++ {
		committees = append(committees, &org{name: fmt.Sprintf("Bezirksausschuss %d", i-2),
			short: fmt.Sprintf("BA %d", i-2), topics: lists[i%3], unit: []*org{planning, schoolUnit, planning}[i%3]})
	}
	days := []time.Weekday{time.Wednesday, time.Thursday, time.Tuesday}
	for i, c := range committees[:b.cfg.committees] {
		c.kind, c.weekday, c.nth, c.hour, c.minute = kindCommittee, days[i%3], 1+i%3, 18, 30
		c.period, c.phase, c.room = 3, i%3, b.locations.room2
		if i >= 3 {
			c.period, c.phase = 1, 0 // the generator's extra committees meet monthly
		}
		if err := write(c, ratsinfo.OrgTypeCommittee, "Ausschuss", constituted, b.council); err != nil {
			return err
		}
		b.special = append(b.special, c)
	}
	for _, f := range factionPlans {
		o := &org{name: f.name, short: f.short, kind: kindFaction}
		if err := write(o, ratsinfo.OrgTypeFaction, "Fraktion", constituted, b.council); err != nil {
			return err
		}
		b.factions = append(b.factions, o)
	}
	if b.cfg.norderstedt {
		b.joint = &org{name: "Ausschuss für die Zusammenarbeit der Länder Schleswig-Holstein und Hamburg",
			short: "Gemeinsamer Ausschuss SH/HH", kind: kindExternal}
		if err := write(b.joint, ratsinfo.OrgTypeExternal, "Ausschuss", ratsinfo.NewDate(2006, 1, 1), nil); err != nil {
			return err
		}
	}
	return nil
}
