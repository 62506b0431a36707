package ratsinfo

import (
	"sort"
	"strings"
	"time"
)

// State is a German federal state (Land), by its two-letter code. A body's state
// decides which public holidays move a deadline (§ 193 BGB): Reformationstag ends
// no period in Bavaria, Fronleichnam none in Schleswig-Holstein.
type State string

// The sixteen states, by the codes of ISO 3166-2:DE without the "DE-".
const (
	StateBW State = "BW" // Baden-Württemberg
	StateBY State = "BY" // Bayern
	StateBE State = "BE" // Berlin
	StateBB State = "BB" // Brandenburg
	StateHB State = "HB" // Bremen
	StateHH State = "HH" // Hamburg
	StateHE State = "HE" // Hessen
	StateMV State = "MV" // Mecklenburg-Vorpommern
	StateNI State = "NI" // Niedersachsen
	StateNW State = "NW" // Nordrhein-Westfalen
	StateRP State = "RP" // Rheinland-Pfalz
	StateSL State = "SL" // Saarland
	StateSN State = "SN" // Sachsen
	StateST State = "ST" // Sachsen-Anhalt
	StateSH State = "SH" // Schleswig-Holstein
	StateTH State = "TH" // Thüringen
)

// DefaultState is the state of a body that names none: Ratsinfo started in
// Schleswig-Holstein (the demo city is Norderstedt).
const DefaultState = StateSH

var stateNames = map[State]string{
	StateBW: "Baden-Württemberg", StateBY: "Bayern", StateBE: "Berlin", StateBB: "Brandenburg",
	StateHB: "Bremen", StateHH: "Hamburg", StateHE: "Hessen", StateMV: "Mecklenburg-Vorpommern",
	StateNI: "Niedersachsen", StateNW: "Nordrhein-Westfalen", StateRP: "Rheinland-Pfalz",
	StateSL: "Saarland", StateSN: "Sachsen", StateST: "Sachsen-Anhalt",
	StateSH: "Schleswig-Holstein", StateTH: "Thüringen",
}

// ParseState reads a state's code ("SH", "sh") or its German name
// ("Schleswig-Holstein").
func ParseState(s string) (State, error) {
	s = strings.TrimSpace(s)
	for code, name := range stateNames {
		if strings.EqualFold(s, string(code)) || strings.EqualFold(s, name) {
			return code, nil
		}
	}
	codes := make([]string, 0, len(stateNames))
	for code := range stateNames {
		codes = append(codes, string(code))
	}
	sort.Strings(codes)
	return "", Errorf(EINVALID, "%q ist kein Bundesland. Erlaubt sind die Kürzel %s (z. B. SH für Schleswig-Holstein).",
		s, strings.Join(codes, ", "))
}

// Name returns the state's German name.
func (s State) Name() string { return stateNames[s] }

// Holiday returns the name of the public holiday that d is in state s, and
// whether it is one. Only holidays that hold in the whole state count: a
// deadline cannot depend on the municipality inside a state (Mariä Himmelfahrt in
// Bavaria's Catholic municipalities, Fronleichnam in parts of Saxony and
// Thuringia, the Augsburger Friedensfest are left out on purpose).
func (s State) Holiday(d Date) (string, bool) {
	for _, h := range holidays(s, d.Year) {
		if h.day == d {
			return h.name, true
		}
	}
	return "", false
}

type holiday struct {
	day  Date
	name string
}

// holidays lists the statutory public holidays of state s in year y (from the
// Feiertagsgesetze of the states, as they stand in 2026).
func holidays(s State, y int) []holiday {
	easter := Easter(y)
	fixed := func(m time.Month, d int, name string) holiday { return holiday{NewDate(y, m, d), name} }
	moving := func(offset int, name string) holiday { return holiday{easter.AddDays(offset), name} }
	hs := []holiday{
		fixed(time.January, 1, "Neujahr"),
		moving(-2, "Karfreitag"),
		moving(1, "Ostermontag"),
		fixed(time.May, 1, "Tag der Arbeit"),
		moving(39, "Christi Himmelfahrt"),
		moving(50, "Pfingstmontag"),
		fixed(time.October, 3, "Tag der Deutschen Einheit"),
		fixed(time.December, 25, "1. Weihnachtstag"),
		fixed(time.December, 26, "2. Weihnachtstag"),
	}
	add := func(h holiday) { hs = append(hs, h) }
	reformation := fixed(time.October, 31, "Reformationstag")
	switch {
	case y == 2017: // the 500th anniversary: once a holiday everywhere
		add(reformation)
	case s == StateBB || s == StateMV || s == StateSN || s == StateST || s == StateTH:
		add(reformation)
	case (s == StateHB || s == StateHH || s == StateNI || s == StateSH) && y >= 2018:
		add(reformation)
	}
	switch s {
	case StateBW, StateBY, StateST:
		add(fixed(time.January, 6, "Heilige Drei Könige"))
	}
	switch s {
	case StateBW, StateBY, StateHE, StateNW, StateRP, StateSL:
		add(moving(60, "Fronleichnam"))
	}
	switch s {
	case StateBW, StateBY, StateNW, StateRP, StateSL:
		add(fixed(time.November, 1, "Allerheiligen"))
	}
	if s == StateSL {
		add(fixed(time.August, 15, "Mariä Himmelfahrt"))
	}
	if s == StateSN {
		add(holiday{bussUndBettag(y), "Buß- und Bettag"})
	}
	if (s == StateBE && y >= 2019) || (s == StateMV && y >= 2023) {
		add(fixed(time.March, 8, "Internationaler Frauentag"))
	}
	if s == StateBE && (y == 2020 || y == 2025) {
		add(fixed(time.May, 8, "Tag der Befreiung"))
	}
	if s == StateTH && y >= 2019 {
		add(fixed(time.September, 20, "Weltkindertag"))
	}
	return hs
}

// bussUndBettag is the Wednesday before 23 November.
func bussUndBettag(y int) Date {
	d := NewDate(y, time.November, 22)
	for d.Weekday() != time.Wednesday {
		d = d.AddDays(-1)
	}
	return d
}

// Easter returns Easter Sunday of year y in the Gregorian calendar (the
// anonymous algorithm of Meeus, Jones and Butcher).
func Easter(y int) Date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return NewDate(y, time.Month(month), day)
}
