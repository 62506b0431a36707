package oparl

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ratsinfo/ratsinfo"
)

// Query parameters in their canonical order. Links are always written in this
// order, and a request with another order is redirected to it (spec 2-03: parameter
// order is part of a URL's canonical form).
const (
	pCreatedSince  = "created_since"
	pCreatedUntil  = "created_until"
	pModifiedSince = "modified_since"
	pModifiedUntil = "modified_until"
	pOmitInternal  = "omit_internal"
	pLimit         = "limit"
	pAfter         = "after"
)

var paramOrder = []string{pCreatedSince, pCreatedUntil, pModifiedSince, pModifiedUntil, pOmitInternal, pLimit, pAfter}

var (
	listParams   = paramOrder
	objectParams = []string{pOmitInternal}
	noParams     = []string{}
)

// query is a parsed query string. raw keeps each value exactly as the client spelled
// it, so that links echo filters verbatim (clients compare them; pain point 2).
type query struct {
	raw           map[string]string
	createdSince  time.Time
	createdUntil  time.Time
	modifiedSince time.Time
	modifiedUntil time.Time
	omitInternal  bool
	limit         int // 0: not given
	after         int64
}

// parseQuery parses rawQuery, allowing only the parameters in allowed, and returns
// the query together with its canonical spelling.
func parseQuery(rawQuery string, allowed []string, maxLimit int, loc *time.Location) (*query, string, error) {
	q := &query{raw: map[string]string{}}
	for _, part := range strings.Split(rawQuery, "&") {
		if part == "" {
			continue
		}
		rawKey, rawValue, _ := strings.Cut(part, "=")
		key, err1 := url.QueryUnescape(rawKey)
		value, err2 := url.QueryUnescape(rawValue)
		if err1 != nil || err2 != nil || !utf8.ValidString(key) || !utf8.ValidString(value) {
			return nil, "", ratsinfo.Errorf(ratsinfo.EINVALID,
				"Die Adresse enthält ungültig kodierte Zeichen. Parameter müssen UTF-8 und URL-kodiert sein (z. B. %%3A für einen Doppelpunkt).")
		}
		// Before anything echoes the value: a NUL would reach PostgreSQL or an
		// error text, and a control character is never part of a filter.
		if err := ratsinfo.CheckQuery(url.Values{key: {value}}); err != nil {
			return nil, "", err
		}
		if !contains(allowed, key) {
			return nil, "", unknownParam(key, allowed)
		}
		if _, dup := q.raw[key]; dup {
			return nil, "", ratsinfo.Errorf(ratsinfo.EINVALID, "Der Parameter %s kommt mehrfach vor; bitte nur einmal angeben.", key)
		}
		q.raw[key] = rawValue
		if err := q.set(key, value, maxLimit, loc); err != nil {
			return nil, "", err
		}
	}
	return q, q.encode(nil), nil
}

func (q *query) set(key, value string, maxLimit int, loc *time.Location) error {
	var err error
	switch key {
	case pCreatedSince:
		q.createdSince, err = parseTime(key, value, loc)
	case pCreatedUntil:
		q.createdUntil, err = parseTime(key, value, loc)
	case pModifiedSince:
		q.modifiedSince, err = parseTime(key, value, loc)
	case pModifiedUntil:
		q.modifiedUntil, err = parseTime(key, value, loc)
	case pOmitInternal:
		switch value {
		case "true":
			q.omitInternal = true
		case "false":
		default:
			err = ratsinfo.Errorf(ratsinfo.EINVALID, "Der Parameter omit_internal kennt nur die Werte true und false, nicht %q.", value)
		}
	case pLimit:
		q.limit, err = parseLimit(value, maxLimit)
	case pAfter:
		q.after, err = strconv.ParseInt(value, 10, 64)
		if err != nil || q.after < 0 {
			err = ratsinfo.Errorf(ratsinfo.EINVALID,
				"Der Parameter after ist ein Seitenzeiger (eine Kennung, z. B. after=123). Bitte den Link aus links.next unverändert übernehmen.")
		}
	}
	return err
}

// parseLimit reads the client's page-size hint. An absurdly large number is clamped
// rather than refused, since the hint is only a wish; zero, negative and
// non-numeric values are mistakes the client should learn about.
func parseLimit(value string, maxLimit int) (int, error) {
	n, err := strconv.Atoi(value)
	if err != nil && value != "" && strings.Trim(value, "0123456789") == "" {
		n, err = maxLimit, nil // all digits but too large for an int
	}
	if err != nil || n < 1 {
		return 0, ratsinfo.Errorf(ratsinfo.EINVALID,
			"Der Parameter limit muss eine ganze Zahl zwischen 1 und %d sein, nicht %q.", maxLimit, value)
	}
	return min(n, maxLimit), nil
}

// timeLayouts are tried in order. RFC 3339 parsing in Go also accepts fractional
// seconds and Z; the zone-less forms are read as German local time.
var timeLayouts = []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"}

// parseTime accepts the filter spellings that real clients send: URL-encoded or
// raw, with Z or an offset, with fractions, and with a "+" that a form decoder has
// already turned into a space.
func parseTime(key, value string, loc *time.Location) (time.Time, error) {
	v := strings.ReplaceAll(strings.TrimSpace(value), " ", "+")
	for _, layout := range timeLayouts {
		if t, err := time.ParseInLocation(layout, v, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, ratsinfo.Errorf(ratsinfo.EINVALID,
		"Der Filter %s hat den ungültigen Wert %q. Erwartet wird ein Zeitpunkt nach ISO 8601 mit Zeitzone, "+
			"z. B. %s=2024-01-31T12:00:00+01:00 (URL-kodiert: 2024-01-31T12%%3A00%%3A00%%2B01%%3A00).", key, value, key)
}

// encode writes the query in canonical order with the values as the client spelled
// them; override replaces values (limit after clamping, the after cursor), and an
// empty override drops the parameter.
func (q *query) encode(override map[string]string) string {
	var b strings.Builder
	for _, key := range paramOrder {
		v, ok := override[key]
		if !ok {
			v, ok = q.raw[key]
		}
		if !ok || v == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(key)
		b.WriteByte('=')
		b.WriteString(v)
	}
	return b.String()
}

// listFilter turns the filters into the store's terms. Deleted objects appear in
// lists only with modified_since (spec 2-08), as tombstones.
func (q *query) listFilter(bodyID int64) ratsinfo.ListFilter {
	return ratsinfo.ListFilter{
		BodyID:        bodyID,
		CreatedSince:  sinceAtPublishedPrecision(q.createdSince),
		CreatedUntil:  untilAtPublishedPrecision(q.createdUntil),
		ModifiedSince: sinceAtPublishedPrecision(q.modifiedSince),
		ModifiedUntil: untilAtPublishedPrecision(q.modifiedUntil),
		WithDeleted:   !q.modifiedSince.IsZero(),
		AfterID:       q.after,
	}
}

// The store keeps times to the microsecond, but we publish created and modified to
// the second. A client filters by the times it read, so the filters compare what we
// published: an object shown as 08:18:13 (stored 08:18:13.4) must be in
// created_until=08:18:13 and in created_since=08:18:13. The published time is the
// stored one truncated to the second, so "published >= since" means "stored >= since
// rounded up to the second" and "published <= until" means "stored before the
// second after until".

func sinceAtPublishedPrecision(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	if s := t.Truncate(time.Second); !s.Equal(t) {
		return s.Add(time.Second)
	}
	return t
}

func untilAtPublishedPrecision(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.Truncate(time.Second).Add(time.Second - time.Microsecond)
}

func unknownParam(key string, allowed []string) error {
	if len(allowed) == 0 {
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Diese Adresse kennt keine Parameter; bitte %q weglassen.", key)
	}
	return ratsinfo.Errorf(ratsinfo.EINVALID, "Unbekannter Parameter %q. Erlaubt sind hier: %s.", key, strings.Join(allowed, ", "))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
