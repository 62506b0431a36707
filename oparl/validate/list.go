package validate

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"time"
)

// walk says how to walk a list.
type walk struct {
	typ      string     // type of the entries
	filter   url.Values // filters the start URL carries; links must keep them
	maxPages int        // 0 = all pages
	collect  bool       // return the entries (the Body list)
	refBy    string     // set when the list was linked from an object, for messages
}

// walkList follows links.next from start and checks every page. It
// returns the collected entries if w.collect is set.
func (c *checker) walkList(ctx context.Context, start string, w walk) []map[string]any {
	var (
		out      []map[string]any
		visited  = map[string]bool{}
		ids      = map[string]string{} // id → page it was first seen on
		epp      int64                 // elementsPerPage of the first page
		count    int
		total    int64 = -1
		complete bool
	)
	withSince := w.filter.Has("modified_since")
	for page, u := 1, start; u != "" && ctx.Err() == nil; page++ {
		visited[u] = true
		doc, resp := c.fetchJSON(ctx, u)
		if doc == nil {
			c.listFailed(u, resp, page, w)
			return out
		}
		c.pages.Add(1)
		data, pag, links, ok := listParts(doc)
		if !ok {
			c.add("list.structure", u, "Seite ohne data/pagination/links in der erwarteten Form")
			return out
		}
		for _, e := range data {
			obj, ok := e.(map[string]any)
			if !ok {
				c.add("type.mismatch", u, "Listeneintrag ist %s statt Objekt", jsonKind(e))
				continue
			}
			if del, _ := obj["deleted"].(bool); del && !withSince {
				c.add("deleted.unfiltered", str(obj["id"]), "gelöschtes Objekt in ungefilterter Liste %s", u)
			}
			id := c.checkObject(obj, where{url: u, typ: w.typ, inList: w.filter == nil})
			if prev, dup := ids[id]; dup && id != "" {
				c.add("pagination.duplicate", id, "auf %s und %s", prev, u)
			}
			ids[id] = u
			count++
			if w.collect {
				out = append(out, obj)
			}
		}
		next := str(links["next"])
		if w.filter != nil {
			c.checkFilterLinks(u, links, w.filter)
		}
		if p, ok := intOf(pag["totalElements"]); ok {
			total = p
		}
		last := c.isLastPage(u, pag, links, count)
		if next == "" {
			if !last {
				c.add("pagination.next-missing", u, "Seite %d hat kein links.next, ist aber nicht die letzte", page)
			}
			complete = true
			break
		}
		if n, ok := intOf(pag["elementsPerPage"]); ok {
			if epp == 0 {
				epp = n
			}
			if n != epp || int64(len(data)) != n {
				c.add("pagination.elements-per-page", u, "elementsPerPage %d (erste Seite %d), %d Einträge", n, epp, len(data))
			}
		}
		if len(data) == 0 {
			c.add("pagination.empty-page", u, "leere Seite mit links.next")
		}
		if visited[next] {
			c.add("pagination.loop", u, "links.next verweist zurück auf %s", next)
			break
		}
		if !isURL(next) {
			c.add("format.url", u, "links.next = %q", clip(next))
			break
		}
		if (w.maxPages > 0 && page >= w.maxPages) || (!w.collect && c.full()) {
			break
		}
		u = next
	}
	if complete && w.filter == nil && w.maxPages == 0 && total >= 0 && total != int64(count) {
		c.add("pagination.total", start, "totalElements %d, gefunden %d", total, count)
	}
	return out
}

// listFailed reports a list page that did not deliver a JSON object.
func (c *checker) listFailed(u string, resp *response, page int, w walk) {
	if resp == nil || resp.status == http.StatusOK {
		return // already reported as unreachable or invalid JSON
	}
	switch {
	case w.filter != nil && page == 1:
		c.add("filter.status", u, "gefilterte Liste antwortet mit HTTP %d", resp.status)
	case w.refBy != "" || page == 1:
		c.add("ref.not-found", u, "Liste antwortet mit HTTP %d%s", resp.status, w.refBy)
	default:
		c.add("http.status", u, "Seite %d antwortet mit HTTP %d", page, resp.status)
	}
}

// isLastPage decides from the page's own metadata whether it claims to be
// the last one, so that a missing next can be told from a proper end.
func (c *checker) isLastPage(u string, pag, links map[string]any, seenSoFar int) bool {
	cur, ok1 := intOf(pag["currentPage"])
	tot, ok2 := intOf(pag["totalPages"])
	if ok1 && ok2 && cur < tot {
		return false
	}
	if te, ok := intOf(pag["totalElements"]); ok && te > int64(seenSoFar) && !ok1 {
		return false
	}
	if last := str(links["last"]); last != "" && last != u && str(links["self"]) != last {
		return false
	}
	return true
}

// checkFilterLinks demands that every link of a filtered page still
// carries the filters; clients follow the links blindly.
func (c *checker) checkFilterLinks(u string, links map[string]any, filter url.Values) {
	for _, name := range []string{"next", "prev", "first", "last", "self"} {
		l := str(links[name])
		if l == "" {
			continue
		}
		lu, err := url.Parse(l)
		if err != nil {
			continue
		}
		q := lu.Query()
		for k := range filter {
			if !sameInstant(q.Get(k), filter.Get(k)) {
				c.add("filter.dropped", u, "links.%s verliert den Filter %s: %s", name, k, clip(l))
			}
		}
	}
}

// sameInstant compares filter values as times, so that a server may
// normalise the offset or use the encoded form.
func sameInstant(a, b string) bool {
	if a == b {
		return true
	}
	ta, err1 := time.Parse(time.RFC3339, a)
	tb, err2 := time.Parse(time.RFC3339, b)
	return err1 == nil && err2 == nil && ta.Equal(tb)
}

// listParts splits a list page into its three mandatory members.
func listParts(doc map[string]any) (data []any, pag, links map[string]any, ok bool) {
	data, ok1 := doc["data"].([]any)
	pag, ok2 := doc["pagination"].(map[string]any)
	links, ok3 := doc["links"].(map[string]any)
	return data, pag, links, ok1 && ok2 && ok3
}

func intOf(v any) (int64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := n.Int64()
	return i, err == nil
}

// withQuery returns u with the given parameters set.
func withQuery(u string, q url.Values) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	old := p.Query()
	for k, v := range q {
		old[k] = v
	}
	p.RawQuery = old.Encode()
	return p.String()
}
