package validate

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// The spec's date-time is stricter than RFC 3339: no fractions, no "Z".
var (
	dateRE     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	dateTimeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$`)
	agsRE      = regexp.MustCompile(`^\d{8}$`)
	rgsRE      = regexp.MustCompile(`^\d{12}$`)
)

// checkValue checks one property value against its description. at is the
// object being checked, id its id (used as parent of embedded objects).
func (c *checker) checkValue(at, typ, name string, v any, p prop, id string) {
	if v == nil {
		c.add("value.null", at, "%s.%s ist null", typ, name)
		return
	}
	switch p.kind {
	case kStrings, kURLs, kRefs, kObjs:
		arr, ok := v.([]any)
		if !ok {
			c.add("type.mismatch", at, "%s.%s ist %s statt Liste", typ, name, jsonKind(v))
			return
		}
		if len(arr) == 0 && p.required == "" {
			c.add("value.empty-array", at, "%s.%s ist eine leere Liste", typ, name)
		}
		one := p
		one.kind = map[kind]kind{kStrings: kString, kURLs: kURL, kRefs: kRef, kObjs: kObj}[p.kind]
		for i, e := range arr {
			if e == nil {
				c.add("value.null", at, "%s.%s enthält null", typ, name)
				continue
			}
			if one.kind == kObj {
				c.checkEmbedded(at, typ, name, e, one, id, i)
				continue
			}
			c.checkScalar(at, typ, name, e, one)
		}
	case kObj:
		c.checkEmbedded(at, typ, name, v, p, id, -1)
	case kGeoJSON:
		c.checkGeoJSON(at, v)
	default:
		c.checkScalar(at, typ, name, v, p)
	}
}

func (c *checker) checkEmbedded(at, typ, name string, v any, p prop, parentID string, index int) {
	obj, ok := v.(map[string]any)
	if !ok {
		c.add("type.mismatch", at, "%s.%s ist %s statt eingebettetes Objekt", typ, name, jsonKind(v))
		return
	}
	c.checkObject(obj, where{url: at + "#" + name, typ: p.typ, embedded: true,
		parentType: typ, parentID: parentID, index: index})
}

// checkScalar checks strings, URLs, dates, numbers and booleans.
func (c *checker) checkScalar(at, typ, name string, v any, p prop) {
	switch p.kind {
	case kInt:
		n, ok := v.(json.Number)
		if !ok {
			c.add("type.mismatch", at, "%s.%s ist %s statt Zahl", typ, name, jsonKind(v))
		} else if _, err := n.Int64(); err != nil {
			c.add("format.integer", at, "%s.%s = %s ist keine ganze Zahl", typ, name, n)
		}
		return
	case kBool:
		if _, ok := v.(bool); !ok {
			c.add("type.mismatch", at, "%s.%s ist %s statt Wahrheitswert", typ, name, jsonKind(v))
		}
		return
	}
	s, ok := v.(string)
	if !ok {
		c.add("type.mismatch", at, "%s.%s ist %s statt Zeichenkette", typ, name, jsonKind(v))
		return
	}
	if s == "" {
		c.add("value.empty-string", at, "%s.%s ist leer", typ, name)
		return
	}
	if strings.TrimFunc(s, unicode.IsSpace) != s {
		c.add("value.whitespace", at, "%s.%s = %q", typ, name, clip(s))
	}
	switch p.kind {
	case kURL, kRef, kList:
		if !isURL(s) {
			c.add("format.url", at, "%s.%s = %q", typ, name, clip(s))
			return
		}
		// Lists of System and Body are walked by the crawler itself.
		if p.kind == kRef || (p.kind == kList && typ != "System" && typ != "Body") {
			c.reference(s, p.typ, p.kind == kList)
		}
	case kDate:
		if _, err := time.Parse(time.DateOnly, s); err != nil || !dateRE.MatchString(s) {
			c.add("format.date", at, "%s.%s = %q", typ, name, clip(s))
		}
	case kDateTime:
		if _, err := time.Parse(time.RFC3339, s); err != nil || !dateTimeRE.MatchString(s) {
			c.add("format.date-time", at, "%s.%s = %q", typ, name, clip(s))
		}
	}
}

// checkSemantics holds the rules that look at more than one value.
func (c *checker) checkSemantics(obj map[string]any, at, typ string, w where) {
	switch typ {
	case "Body":
		if s, ok := obj["ags"].(string); ok && s != "" && !agsRE.MatchString(s) {
			c.add("body.ags", at, "ags = %q", s)
		}
		if s, ok := obj["rgs"].(string); ok && s != "" && !rgsRE.MatchString(s) {
			c.add("body.rgs", at, "rgs = %q", s)
		}
	case "Person":
		if lo, ok := obj["locationObject"].(map[string]any); ok && str(lo["id"]) != str(obj["location"]) {
			c.add("person.location-object", at, "location %q, locationObject.id %q", str(obj["location"]), str(lo["id"]))
		}
	case "File":
		c.sampleFile(obj)
	case "AgendaItem":
		if n, ok := obj["order"].(json.Number); ok && w.parentType == "Meeting" && w.index >= 0 && c.version == "1.1" {
			if i, err := n.Int64(); err == nil && int(i) != w.index {
				c.add("agendaitem.order", at, "order %d an Position %d", i, w.index)
			}
		}
	}
	for _, pair := range [][2]string{{"start", "end"}, {"startDate", "endDate"}} {
		a, b := str(obj[pair[0]]), str(obj[pair[1]])
		if a != "" && b != "" && a[:min(10, len(a))] > b[:min(10, len(b))] {
			c.add("object.start-after-end", at, "%s %s liegt nach %s %s", pair[0], a, pair[1], b)
		}
	}
}

// checkGeoJSON demands a Feature and catches swapped coordinates with a
// heuristic that is safe for Germany, where latitudes (47–55) and
// longitudes (5.8–15.1) do not overlap.
func (c *checker) checkGeoJSON(at string, v any) {
	f, ok := v.(map[string]any)
	if !ok || f["type"] != "Feature" {
		c.add("location.geojson", at, "geojson ist kein Feature-Objekt")
		return
	}
	g, _ := f["geometry"].(map[string]any)
	if g == nil || g["type"] != "Point" {
		return
	}
	xy, _ := g["coordinates"].([]any)
	if len(xy) < 2 {
		return
	}
	nx, _ := xy[0].(json.Number)
	ny, _ := xy[1].(json.Number)
	x, err1 := nx.Float64()
	y, err2 := ny.Float64()
	if err1 != nil || err2 != nil {
		return
	}
	if x >= 47 && x <= 55.1 && y >= 5.8 && y <= 15.1 {
		c.add("location.lat-lon", at, "Koordinaten [%v, %v] sind [Breite, Länge]", xy[0], xy[1])
	}
}

func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}

// clip shortens long values in messages.
func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}
