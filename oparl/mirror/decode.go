package mirror

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ratsinfo/ratsinfo"
)

// view reads one source object tolerantly: wrong shapes are coerced, bad values
// dropped, and each repair counted. It never fails; what cannot be read is absent.
type view struct {
	m   map[string]any
	im  *importer
	url string // the object's id (or the URL it was fetched from)
}

func (im *importer) view(m map[string]any, fallbackURL string) view {
	v := view{m: m, im: im, url: fallbackURL}
	if id, ok := m["id"].(string); ok && strings.TrimSpace(id) != "" {
		v.url = strings.TrimSpace(id)
	}
	return v
}

func (v view) repair(kind string) { v.im.rep.repair(kind, 1) }

// naValues are placeholders that vendors send instead of omitting a value.
var naValues = map[string]bool{"n/a": true, "n.a.": true, "na": true, "k.a.": true, "-": true, "null": true, "none": true}

// cleanText strips control characters, trims, drops "" and "N/A", and counts
// each. A NUL (extracted PDF text carries them) would fail the page's
// transaction on PostgreSQL on every run.
func (v view) cleanText(s string) string {
	if c, ok := ratsinfo.StripControl(s); ok {
		v.repair("control-character")
		s = c
	}
	t := strings.TrimSpace(s)
	if t != s {
		v.repair("trailing-blank")
	}
	switch {
	case s == "":
		v.repair("empty-string")
	case t != "" && naValues[strings.ToLower(t)]:
		v.repair("na-value")
		return ""
	}
	return t
}

// str returns a string property; numbers are accepted as their text.
func (v view) str(key string) string {
	switch x := v.m[key].(type) {
	case string:
		return v.limit(key, v.cleanText(x))
	case json.Number:
		return x.String()
	}
	return ""
}

// limit cuts s to the domain's length limit of the field key, at a character
// boundary, and counts the cut.
func (v view) limit(key, s string) string {
	n := ratsinfo.TextLimit(key)
	if len(s) <= n {
		return s
	}
	v.repair("text-truncated")
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n])
}

// strs returns a string list; a single string is taken as a list of one.
func (v view) strs(key string) []string {
	var out []string
	switch x := v.m[key].(type) {
	case string:
		v.repair("object-instead-of-array")
		if s := v.cleanText(x); s != "" {
			out = append(out, s)
		}
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				if s = v.limit(key, v.cleanText(s)); s != "" {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// link returns a URL property; an embedded object stands for its id.
func (v view) link(key string) string {
	switch x := v.m[key].(type) {
	case string:
		return v.cleanText(x)
	case map[string]any:
		if id, ok := x["id"].(string); ok {
			return strings.TrimSpace(id)
		}
	case []any: // one-element array where a single URL belongs
		if len(x) > 0 {
			v.repair("array-instead-of-object")
			if s, ok := x[0].(string); ok {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// links returns a URL list; a single URL or object is taken as a list of one.
func (v view) links(key string) []string {
	var out []string
	add := func(e any) {
		switch x := e.(type) {
		case string:
			if s := strings.TrimSpace(x); s != "" {
				out = append(out, s)
			}
		case map[string]any:
			if id, ok := x["id"].(string); ok && strings.TrimSpace(id) != "" {
				out = append(out, strings.TrimSpace(id))
			}
		}
	}
	switch x := v.m[key].(type) {
	case []any:
		for _, e := range x {
			add(e)
		}
	case nil:
	default:
		v.repair("object-instead-of-array")
		add(x)
	}
	return out
}

// url returns a property that must be an absolute http(s) URL, or "".
func (v view) urlProp(key string) string {
	s := v.link(key)
	if s != "" && !ratsinfo.IsURL(s) {
		v.repair("invalid-url")
		return ""
	}
	return s
}

func (v view) urlProps(key string) []string {
	var out []string
	for _, s := range v.strs(key) {
		if ratsinfo.IsURL(s) {
			out = append(out, s)
		} else {
			v.repair("invalid-url")
		}
	}
	return out
}

// child returns an embedded object; a URL in its place is returned as ref.
func (v view) child(key string) (obj map[string]any, ref string) {
	switch x := v.m[key].(type) {
	case map[string]any:
		return x, ""
	case string:
		return nil, strings.TrimSpace(x)
	case []any:
		if len(x) > 0 {
			v.repair("array-instead-of-object")
			if m, ok := x[0].(map[string]any); ok {
				return m, ""
			}
		}
	}
	return nil, ""
}

// children returns embedded objects; an object where an array belongs is taken
// as an array of one, URLs as references to fetch later.
func (v view) children(key string) (objs []map[string]any, refs []string) {
	switch x := v.m[key].(type) {
	case map[string]any:
		v.repair("object-instead-of-array")
		return []map[string]any{x}, nil
	case string:
		v.repair("object-instead-of-array")
		return nil, []string{strings.TrimSpace(x)}
	case []any:
		for _, e := range x {
			switch e := e.(type) {
			case map[string]any:
				objs = append(objs, e)
			case string:
				refs = append(refs, strings.TrimSpace(e))
			}
		}
	}
	return objs, refs
}

func (v view) boolean(key string, def bool) bool {
	switch x := v.m[key].(type) {
	case bool:
		return x
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true", "1", "ja":
			return true
		case "false", "0", "nein":
			return false
		}
	}
	return def
}

func (v view) integer(key string) (int64, bool) {
	switch x := v.m[key].(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i, true
		}
		if f, err := x.Float64(); err == nil {
			return int64(f), true
		}
	case string:
		var i int64
		if _, err := fmt.Sscan(strings.TrimSpace(x), &i); err == nil {
			return i, true
		}
	}
	return 0, false
}

// timeLayouts are the date-time spellings seen in the wild, strictest first.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02"}

// when returns a date-time, in UTC with microsecond precision (what the store
// keeps), so that a re-import compares equal.
func (v view) when(key string) time.Time {
	s := v.str(key)
	if s == "" {
		return time.Time{}
	}
	for _, l := range timeLayouts {
		if t, err := time.ParseInLocation(l, s, v.im.berlin); err == nil {
			return t.UTC().Truncate(time.Microsecond)
		}
	}
	v.repair("invalid-date")
	return time.Time{}
}

// date returns a calendar day; a date-time is cut to its day (in its own zone).
func (v view) date(key string) ratsinfo.Date {
	s := v.str(key)
	if s == "" {
		return ratsinfo.Date{}
	}
	if d, err := ratsinfo.ParseDate(s); err == nil {
		return d
	}
	for _, l := range timeLayouts {
		if t, err := time.ParseInLocation(l, s, v.im.berlin); err == nil {
			v.repair("date-time-as-date")
			return ratsinfo.DateOf(t)
		}
	}
	v.repair("invalid-date")
	return ratsinfo.Date{}
}

// meta reads the common properties and notes missing timestamps; we keep our own
// created/modified (import time), so missing ones cost nothing but a count.
func (v view) meta(embedded bool) ratsinfo.Meta {
	if !embedded || v.im.version11 {
		if _, ok := v.m["created"]; !ok {
			v.repair("missing-created")
		} else if _, ok := v.m["modified"]; !ok {
			v.repair("missing-modified")
		}
	}
	return ratsinfo.Meta{Keyword: v.strs("keyword"), License: v.urlProp("license")}
}

// deleted reports a tombstone.
func (v view) deleted() bool { return v.boolean("deleted", false) }

// kind returns the object's OParl type name, or "" if it has none.
func (v view) kind() ratsinfo.Kind {
	t, _ := v.m["type"].(string)
	if t == "" {
		return ""
	}
	return ratsinfo.Kind(typeName(strings.TrimSpace(t)))
}
