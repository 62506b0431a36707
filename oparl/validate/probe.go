package validate

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// Filter values no real object can match: far in the future or the past.
const (
	future = "2199-01-01T00:00:00+00:00"
	past   = "1900-01-01T00:00:00+00:00"
	epoch  = "1970-01-01T00:00:00+00:00"
)

// probeFilters checks that the list at u supports all four filters: a
// filter nothing matches must give 200 with an empty page (servers answer
// 404 or 400 here in the wild), and a filter everything matches must be kept
// in all links while paging (servers drop it on page 2).
func (c *checker) probeFilters(ctx context.Context, u, typ string) {
	for _, f := range [][2]string{
		{"created_since", future}, {"created_until", past},
		{"modified_since", future}, {"modified_until", past},
	} {
		q := url.Values{f[0]: {f[1]}}
		fu := withQuery(u, q)
		doc, resp := c.fetchJSON(ctx, fu)
		if doc == nil {
			c.listFailed(fu, resp, 1, walk{filter: q})
			continue
		}
		c.pages.Add(1)
		data, _, links, ok := listParts(doc)
		if !ok {
			c.add("list.structure", fu, "gefilterte Seite ohne data/pagination/links")
			continue
		}
		if len(data) > 0 {
			c.add("filter.ignored", fu, "%s=%s liefert trotzdem %d Objekte", f[0], f[1], len(data))
		}
		c.checkFilterLinks(fu, links, q)
	}
	// Three pages are enough to see a filter lost on page 2; the walk also
	// shows the tombstones, which only appear with modified_since.
	q := url.Values{"modified_since": {epoch}}
	c.walkList(ctx, withQuery(u, q), walk{typ: typ, filter: q, maxPages: 3})
}

// probeError requests an id path that surely names no object and expects
// a client error status (404, or 400/410, which also "match"), in 1.1 with
// an Error object (chapter "Fehlerbehandlung").
func (c *checker) probeError(ctx context.Context, bodyList string) {
	base, _, _ := strings.Cut(bodyList, "?")
	u := strings.TrimSuffix(base, "/") + "/987654321"
	resp, err := c.get(ctx, u, maxBody)
	if err != nil {
		return // unreachable hosts are reported elsewhere
	}
	switch resp.status {
	case http.StatusNotFound, http.StatusGone, http.StatusBadRequest:
	default:
		c.add("error.status", u, "unbekannte URL antwortet mit HTTP %d", resp.status)
	}
	if looksHTML(resp) {
		if c.version == "1.1" {
			c.add("error.object", u, "Fehlerseite ist HTML")
		}
		return
	}
	c.checkHeaders(u, resp)
	if c.version != "1.1" {
		return
	}
	obj := c.decode(u, resp)
	if obj == nil {
		return
	}
	if str(obj["type"]) != c.ns+"Error" || str(obj["message"]) == "" {
		c.add("error.object", u, "kein Error-Objekt mit type %sError und message", c.ns)
	}
}
