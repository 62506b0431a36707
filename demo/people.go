package demo

import (
	"context"
	"fmt"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// person is a person to write and the memberships planned for them.
type person struct {
	id      int64
	p       ratsinfo.Person
	female  bool
	plans   []memberPlan
	faction [2]*org // faction per term, nil if none
}

// memberPlan is one membership, written after the person has an id.
type memberPlan struct {
	org        *org
	role       string
	voting     bool
	term       int // index into builder.terms; -1: not tied to a term
	start, end ratsinfo.Date
	behalf     *org
}

// gendered picks the German role or title form; the word lists hold both.
func gendered(female bool, f, m string) string {
	if female {
		return f
	}
	return m
}

// newPerson invents a person with a plausible, unique German name. Contact data is
// always stored; ContactConsent decides whether the public sees it, and the demo
// needs both kinds to show (and test) that rule.
func (b *builder) newPerson(seen map[string]bool) *person {
	female := chance(b.rng, 0.45)
	var given, family string
	for {
		given = pick(b.rng, maleNames)
		if female {
			given = pick(b.rng, femaleNames)
		}
		family = pick(b.rng, familyNames)
		if !seen[given+" "+family] || len(seen) > 800 {
			break
		}
	}
	seen[given+" "+family] = true
	pe := &person{female: female, p: ratsinfo.Person{
		BodyID: b.bodyID, GivenName: given, FamilyName: family,
		FormOfAddress: gendered(female, "Frau", "Herr"), Gender: gendered(female, "female", "male"),
		Email:          []string{mailbox(given, family)},
		ContactConsent: chance(b.rng, 0.6),
	}}
	if chance(b.rng, 0.08) {
		pe.p.Title = []string{"Dr."}
	}
	if chance(b.rng, 0.5) {
		pe.p.Phone = []string{fmt.Sprintf("040 52 %02d %02d-%d", 10+b.rng.IntN(89), b.rng.IntN(99), 10+b.rng.IntN(89))}
	}
	pe.p.Name = strings.Join(append(append([]string{}, pe.p.Title...), given, family), " ")
	return pe
}

// mailbox makes an address on a reserved domain, so that the demo never mails a
// real person.
func mailbox(given, family string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", " ", "-")
	return strings.ToLower(r.Replace(given) + "." + r.Replace(family) + "@ratsmitglieder.example.org")
}

// planPeople invents the council of both terms: each faction keeps about three
// quarters of its members after the election of 2023 and gains new ones; every member
// sits in the Stadtvertretung for the faction, and the factions share the committee
// seats in proportion to their strength.
func (b *builder) planPeople() {
	seen := map[string]bool{}
	var byTerm [2][][]*person // per term, per faction
	for t := range 2 {
		byTerm[t] = make([][]*person, len(factionPlans))
	}
	for fi, f := range factionPlans {
		keep := min(f.seats[0], f.seats[1]) * 3 / 4
		for i := 0; i < f.seats[0]; i++ {
			pe := b.newPerson(seen)
			byTerm[0][fi] = append(byTerm[0][fi], pe)
			if i < keep {
				byTerm[1][fi] = append(byTerm[1][fi], pe)
			}
			b.people = append(b.people, pe)
		}
		for len(byTerm[1][fi]) < f.seats[1] {
			pe := b.newPerson(seen)
			byTerm[1][fi] = append(byTerm[1][fi], pe)
			b.people = append(b.people, pe)
		}
	}
	for t := range 2 {
		b.planSeats(t, byTerm[t])
	}
	if b.cfg.norderstedt {
		b.planSeedPeople(seen)
	}
	b.planDistrictPeople(seen)
}

// planSeats gives each member of term t a seat in the council and the faction, and
// distributes committee seats and deputies.
func (b *builder) planSeats(t int, factions [][]*person) {
	tm := b.terms[t]
	end := tm.end
	if t == len(b.terms)-1 {
		end = ratsinfo.Date{} // current memberships have no end yet
	}
	seat := func(pe *person, o *org, role string, voting bool, behalf *org) {
		pe.plans = append(pe.plans, memberPlan{org: o, role: role, voting: voting, term: t,
			start: tm.start, end: end, behalf: behalf})
	}
	for fi, members := range factions {
		f := b.factions[fi]
		for i, pe := range members {
			pe.faction[t] = f
			role := "Mitglied"
			if fi == 0 && i == 2 { // the largest faction provides the council's chair
				role = gendered(pe.female, "Stadtpräsidentin", "Stadtpräsident")
			}
			seat(pe, b.council, role, true, f)
			role = "Mitglied"
			switch i {
			case 0:
				role = gendered(pe.female, "Vorsitzende", "Vorsitzender")
			case 1:
				role = gendered(pe.female, "stellv. Vorsitzende", "stellv. Vorsitzender")
			}
			seat(pe, f, role, true, nil)
		}
	}
	cursor := make([]int, len(factions))
	committees := append([]*org{b.mainCom}, b.special[:min(3, len(b.special))]...)
	for ci, c := range committees {
		size := 9
		if c == b.mainCom {
			size = 11
		}
		for fi, members := range factions {
			q := max(1, (factionPlans[fi].seats[t]*size+19)/39)
			for k := 0; k < q+1; k++ {
				pe := members[cursor[fi]%len(members)]
				cursor[fi]++
				role, voting := "Mitglied", true
				switch {
				case k == q:
					role, voting = "stellv. Mitglied", false
				case k == 0 && fi == ci%2:
					role = gendered(pe.female, "Vorsitzende", "Vorsitzender")
				case k == 0 && fi == (ci+1)%2:
					role = gendered(pe.female, "stellv. Vorsitzende", "stellv. Vorsitzender")
				}
				seat(pe, c, role, voting, b.factions[fi])
			}
		}
	}
}

// planDistrictPeople invents the members of the generator's extra committees.
func (b *builder) planDistrictPeople(seen map[string]bool) {
	if len(b.special) <= 3 {
		return
	}
	extra := make([]*person, 0, b.cfg.persons)
	for range b.cfg.persons {
		pe := b.newPerson(seen)
		extra = append(extra, pe)
		b.people = append(b.people, pe)
	}
	if len(extra) == 0 {
		return
	}
	next := 0
	for _, c := range b.special[3:] {
		for k := range 9 {
			pe := extra[next%len(extra)]
			next++
			role := "Mitglied"
			if k == 0 {
				role = gendered(pe.female, "Vorsitzende", "Vorsitzender")
			}
			pe.plans = append(pe.plans, memberPlan{org: c, role: role, voting: true, term: -1,
				start: b.terms[0].start})
		}
	}
}

func (b *builder) writePerson(ctx context.Context, i int) error {
	pe := b.people[i]
	pe.p.BodyID = b.bodyID
	if err := b.create(ctx, pe.p.Validate, func() error { return b.s.CreatePerson(ctx, &pe.p) }); err != nil {
		return fmt.Errorf("person %s: %w", pe.p.Name, err)
	}
	pe.id = pe.p.ID
	b.byID[pe.id] = pe
	pe.p = ratsinfo.Person{Name: pe.p.Name} // the rest is written; keep memory small
	return nil
}

func (b *builder) writeMemberships(ctx context.Context, i int) error {
	pe := b.people[i]
	for _, mp := range pe.plans {
		m := &ratsinfo.Membership{PersonID: pe.id, OrganizationID: mp.org.id, Role: mp.role,
			VotingRight: mp.voting, StartDate: mp.start, EndDate: mp.end}
		if mp.behalf != nil {
			m.OnBehalfOf = mp.behalf.id
		}
		if err := b.create(ctx, m.Validate, func() error { return b.s.CreateMembership(ctx, m) }); err != nil {
			return fmt.Errorf("membership of %s: %w", pe.p.Name, err)
		}
		if mp.voting {
			terms := []int{mp.term}
			if mp.term < 0 {
				terms = []int{0, 1}
			}
			for _, t := range terms {
				mp.org.members[t] = append(mp.org.members[t], pe.id)
			}
		}
	}
	pe.plans = nil
	return nil
}
