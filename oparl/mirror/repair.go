package mirror

// Repairs of source values come in two kinds. Heuristics that no validation
// can see (a [lat, lon] point is a valid [lon, lat] point somewhere else) run
// while converting, in geojson. Everything else follows the domain's own rules:
// validate asks the object's Validate, and mends or drops exactly the fields its
// error names. The mirror keeps no copy of the rules, so a value it lets through
// is a value the store accepts.

import (
	"encoding/json"
	"errors"
	"net/mail"
	"slices"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// geojson returns the source's GeoJSON as a Feature with [lon, lat] points, or
// "" when it cannot be repaired. Bare geometries (spec example Paper-01) are
// wrapped; [lat, lon] points are swapped when the numbers only make sense that way
// round for Germany (latitude 47–55, longitude 5–16).
func (c *conv) geojson(raw any) string {
	m, ok := raw.(map[string]any)
	if !ok {
		if s, isStr := raw.(string); isStr && strings.TrimSpace(s) != "" {
			if err := json.Unmarshal([]byte(s), &m); err != nil {
				c.im.rep.repair("geojson-invalid", 1)
				return ""
			}
		} else {
			return ""
		}
	}
	if t, _ := m["type"].(string); t != "Feature" && t != "FeatureCollection" {
		if _, hasCoords := m["coordinates"]; hasCoords || t == "GeometryCollection" {
			c.im.rep.repair("geojson-bare-geometry", 1)
			m = map[string]any{"type": "Feature", "properties": map[string]any{}, "geometry": m}
		}
	}
	if g, ok := m["geometry"].(map[string]any); ok && g["type"] == "Point" {
		if pt, ok := g["coordinates"].([]any); ok && len(pt) >= 2 {
			a, aok := number(pt[0])
			b, bok := number(pt[1])
			if aok && bok && a >= 47 && a <= 55 && b >= 5 && b <= 16 {
				c.im.rep.repair("geojson-lat-lon", 1)
				pt[0], pt[1] = pt[1], pt[0]
			}
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		c.im.rep.repair("geojson-invalid", 1)
		return ""
	}
	return string(b) // Location.Validate judges it; see fieldRepairs

}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case float64:
		return x, true
	}
	return 0, false
}

// validate checks x with its Validate. When that names fields, it first mends
// those it has a mend for (a key without its leading zero, a path in a file
// name) and validates again, counting a mend only if its field now passes.
// Fields still named are settled: cleaned where a clean value is certain, else
// dropped, each change counted. x is validated a last time; the result is that
// validation's error, nil when x may be written.
func (c *conv) validate(x object) error {
	err := x.Validate()
	fixes := fieldRepairs[c.kind]
	named := invalidFields(err)
	if len(named) == 0 {
		return err
	}
	mended := map[string]map[string]int{} // field → repair kind → count, if it holds
	for _, f := range named {
		if fx := fixOf(fixes, f); fx.mend != nil {
			fx.mend(x, func(kind string, n int) {
				if mended[f] == nil {
					mended[f] = map[string]int{}
				}
				mended[f][kind] += n
			})
		}
	}
	if len(mended) > 0 {
		err = x.Validate()
		named = invalidFields(err)
		for f, counts := range mended {
			for kind, n := range counts {
				if !slices.Contains(named, f) {
					c.im.rep.repair(kind, n)
				}
			}
		}
	}
	settled := false
	for _, f := range named {
		if fx := fixOf(fixes, f); fx.settle != nil {
			fx.settle(x, func(kind string, n int) {
				c.im.rep.repair(kind, n)
				settled = true
			})
		}
	}
	if settled {
		err = x.Validate()
	}
	return err
}

// invalidFields returns the fields a validation error names, sorted so that
// repairs happen in the same order every run.
func invalidFields(err error) []string {
	var e *ratsinfo.Error
	if !errors.As(err, &e) || e.Code != ratsinfo.EINVALID {
		return nil
	}
	out := make([]string, 0, len(e.Fields))
	for f := range e.Fields {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// fieldFix repairs one field that Validate refused. mend tries a likely fix that
// the next validation judges; settle must leave the field valid or empty. Both
// call count for each value they change.
type fieldFix struct {
	mend, settle fix
}

type fix func(x object, count func(kind string, n int))

func fixOf(fixes map[string]fieldFix, field string) fieldFix {
	if f, ok := fixes[field]; ok {
		return f
	}
	if field == "license" { // every kind has Meta.License
		return fieldFix{settle: func(x object, count func(string, int)) { drop(&x.Base().License, "invalid-url", count) }}
	}
	return fieldFix{}
}

// on adapts a fix of one domain type to an object.
func on[T object](fn func(x T, count func(string, int))) fix {
	return func(x object, count func(string, int)) { fn(x.(T), count) }
}

// dropper returns a settle that empties the string field of T that field picks.
func dropper[T object](kind string, field func(T) *string) fix {
	return on(func(x T, count func(string, int)) { drop(field(x), kind, count) })
}

func drop(s *string, kind string, count func(string, int)) {
	if *s != "" {
		*s = ""
		count(kind, 1)
	}
}

// fieldRepairs are the repairs per kind and field name (the field names of the
// domain's errors). A field Validate names that is not listed here cannot be
// repaired: the object is skipped and reported with its fields.
var fieldRepairs = map[ratsinfo.Kind]map[string]fieldFix{
	ratsinfo.KindBody: {
		"ags": {
			mend:   on(func(b *ratsinfo.Body, count func(string, int)) { leadingZero(&b.AGS, 7, "ags-7-digits", count) }),
			settle: dropper("ags-invalid", func(b *ratsinfo.Body) *string { return &b.AGS }),
		},
		"rgs": {
			mend:   on(func(b *ratsinfo.Body, count func(string, int)) { leadingZero(&b.RGS, 11, "rgs-11-digits", count) }),
			settle: dropper("rgs-invalid", func(b *ratsinfo.Body) *string { return &b.RGS }),
		},
		"contactEmail": {settle: on(func(b *ratsinfo.Body, count func(string, int)) {
			list := []string{b.ContactEmail}
			settleEmails(&list, count)
			b.ContactEmail = strings.Join(list, "")
		})},
	},
	ratsinfo.KindPerson: {
		"email": {settle: on(func(p *ratsinfo.Person, count func(string, int)) { settleEmails(&p.Email, count) })},
		"gender": {mend: on(func(p *ratsinfo.Person, count func(string, int)) {
			p.Gender = strings.ToLower(p.Gender)
			count("gender-case", 1)
		})},
	},
	ratsinfo.KindOrganization: {
		"organizationType": {settle: on(func(o *ratsinfo.Organization, count func(string, int)) {
			o.OrganizationType = ratsinfo.OrgTypeOther // kept as the catch-all, not lost
			count("organization-type", 1)
		})},
	},
	ratsinfo.KindMeeting: {
		"end": {settle: on(func(m *ratsinfo.Meeting, count func(string, int)) { dropTime(&m.End, count) })},
	},
	ratsinfo.KindAgendaItem: {
		"end": {settle: on(func(a *ratsinfo.AgendaItem, count func(string, int)) { dropTime(&a.End, count) })},
	},
	ratsinfo.KindPaper: {
		"name": {mend: on(func(p *ratsinfo.Paper, count func(string, int)) {
			if p.Name == "" && p.Reference != "" {
				p.Name = p.Reference
				count("paper-without-name", 1)
			}
		})},
	},
	ratsinfo.KindLocation: {
		"geojson": {settle: dropper("geojson-invalid", func(l *ratsinfo.Location) *string { return &l.GeoJSON })},
	},
	ratsinfo.KindFile: fileRepairs,
}

var fileRepairs = map[string]fieldFix{
	"mimeType": {
		mend: on(func(f *ratsinfo.File, count func(string, int)) {
			if m := strings.ToLower(f.MimeType); m != f.MimeType {
				f.MimeType = m
				count("mime-type-case", 1)
			}
		}),
		// Emptied, the content's sniffed type takes its place (attachContent).
		settle: dropper("mime-type", func(f *ratsinfo.File) *string { return &f.MimeType }),
	},
	"fileName": {mend: on(func(f *ratsinfo.File, count func(string, int)) {
		if i := strings.LastIndexAny(f.FileName, `/\`); i >= 0 {
			f.FileName = f.FileName[i+1:]
			count("file-name-path", 1)
		}
	})},
	"sha1Checksum":   {settle: dropper("checksum-invalid", func(f *ratsinfo.File) *string { return &f.SHA1Checksum })},
	"sha512Checksum": {settle: dropper("checksum-invalid", func(f *ratsinfo.File) *string { return &f.SHA512Checksum })},
	"name": {mend: on(func(f *ratsinfo.File, count func(string, int)) {
		if f.Name == "" {
			f.Name = "Dokument"
			count("file-without-name", 1)
		}
	})},
}

// leadingZero repairs a municipal key that lost its leading zero (a
// spreadsheet's doing, e.g. Hürtgenwald's AGS "5358016"), blanks removed first.
func leadingZero(s *string, short int, kind string, count func(string, int)) {
	t := strings.ReplaceAll(*s, " ", "")
	if len(t) == short && strings.Trim(t, "0123456789") == "" {
		*s = "0" + t
		count(kind, 1)
	}
}

func dropTime(t *time.Time, count func(string, int)) {
	*t = time.Time{}
	count("end-before-start", 1)
}

// settleEmails keeps the addresses the domain accepts: as they are, or with
// what vendors wrap around them stripped ("mailto:", a display name as in
// "Rathaus <rathaus@example.org>"). The rest is dropped.
func settleEmails(list *[]string, count func(string, int)) {
	out := (*list)[:0]
	for _, e := range *list {
		switch c := cleanEmail(e); {
		case ratsinfo.ValidEmail(e):
			out = append(out, e)
		case ratsinfo.ValidEmail(c):
			out = append(out, c)
			count("email-cleaned", 1)
		case e != "":
			count("invalid-email", 1)
		}
	}
	if len(out) == 0 {
		out = nil
	}
	*list = out
}

func cleanEmail(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "mailto:"))
	if a, err := mail.ParseAddress(s); err == nil {
		return a.Address
	}
	return s
}
