package mirror

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// page is one list page as the writer needs it.
type page struct {
	url  string
	data []map[string]any
	next string    // "" on the last page
	last bool      // no further page follows (end, loop detected)
	at   time.Time // the server's clock when it answered (Date header), or ours
	// total is pagination.totalElements of the first page, 0 if unknown.
	total int
	files map[string]blobInfo // contents downloaded for this page
	// synced, if set, delivers the result of making files durable.
	synced <-chan error
	list   int // index of the list in walkLists
}

// walk reads a list page by page and calls fn for each, fetching the next page
// while fn works on the current one. since is the modified_since filter the walk
// was started with: a next link that lost it gets it back (SD.NET and others drop
// filters on page 2). It stops, counted, on pagination loops (a link already
// followed, or a page with nothing new) and runs of empty pages. A page that
// cannot be read ends the walk without a last page, so its checkpoint stays
// where it is and the next run retries; only errors of fn or ctx are returned.
func (im *importer) walk(ctx context.Context, start, since string, hint bool, fn func(ctx context.Context, pg *page) error) error {
	lists := []listRun{{start: start, hint: hint, cp: listCheckpoint{Filter: since}}}
	return im.walkLists(ctx, lists, 0, func(ctx context.Context, pgs []*page) error {
		for _, pg := range pgs {
			if err := fn(ctx, pg); err != nil {
				return err
			}
		}
		return nil
	})
}

// readAhead is how many pages the reader may be ahead of the writer.
const readAhead = 8

// walkLists is walk over several lists in a row, with one reader ahead of fn for
// all of them; pg.list tells fn which list a page belongs to. fn gets the pages
// that are ready, as many as hold up to batch objects (always at least one page):
// small pages (SD.NET serves 25 objects and ignores limit) can then share a
// transaction.
func (im *importer) walkLists(ctx context.Context, lists []listRun, batch int, fn func(ctx context.Context, pgs []*page) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pages := make(chan *page, readAhead)
	go func() {
		defer close(pages)
		for i, l := range lists {
			if !im.fetchPages(ctx, i, l.start, l.cp.Filter, l.hint, pages) {
				return
			}
		}
	}()
	for pg := range pages {
		pgs, n := []*page{pg}, len(pg.data)
	more:
		for batch > 0 && n+len(pg.data) <= batch {
			select {
			case next, ok := <-pages:
				if !ok {
					break more
				}
				pgs, n = append(pgs, next), n+len(next.data)
			default:
				break more
			}
		}
		if err := fn(ctx, pgs); err != nil {
			cancel()
			for range pages {
			}
			return err
		}
	}
	return ctx.Err()
}

// fetchPages is the producer side of walk. hint asks for big pages on the first
// request (see fetchFirst); later pages follow the server's next links.
func (im *importer) fetchPages(ctx context.Context, list int, u, since string, hint bool, out chan<- *page) bool {
	followed := map[string]bool{}
	ids := map[string]bool{}
	empties := 0
	for n := 0; u != ""; n++ {
		followed[u] = true
		var pg *page
		var err error

		if n == 0 && hint {
			pg, err = im.fetchFirst(ctx, u)
		} else {
			pg, err = im.fetchPage(ctx, u, n == 0)
		}
		if err != nil {
			if ctx.Err() == nil {
				im.rep.failure("Listenseite %s: %v", u, err)
				im.opt.Logger.Warn("Listenseite nicht lesbar", "url", u, "err", err)
			}
			return ctx.Err() == nil
		}
		fresh := 0
		for _, o := range pg.data {
			id, _ := o["id"].(string)
			if !ids[id] {
				ids[id] = true
				fresh++
			}
		}
		if len(pg.data) == 0 {
			empties++
		} else {
			empties = 0
		}
		next := pg.next
		if next != "" && since != "" {
			if nu, err := url.Parse(next); err == nil && !nu.Query().Has("modified_since") {
				im.rep.repair("filter-lost", 1)
				next = withParam(next, "modified_since", since)
			}
		}
		switch {
		case next == "":
		case followed[next], len(pg.data) > 0 && fresh == 0, empties > 2:
			im.rep.repair("pagination-loop", 1)
			next = ""
		}
		pg.next, pg.last, pg.list = next, next == "", list
		im.rep.add(&im.rep.Pages, 1)
		if im.withFiles {
			pg.files = im.prefetchFiles(ctx, pg.data)
			if im.batch != nil && len(pg.files) > 0 {
				// Synced beside the fetcher, so the next page's downloads overlap
				// with this page's sync; the writer waits for it before writing.
				synced := make(chan error, 1)
				go func() { synced <- im.batch.Sync(ctx) }()
				pg.synced = synced
			}
		}
		select {
		case out <- pg:
		case <-ctx.Done():
			return false
		}
		u = next
	}
	return true
}

// fetchPage reads one list page. An empty list answered with 404 (SD.NET: "Die
// angeforderte Ressource wurde nicht gefunden") or a bare [] counts as empty.
func (im *importer) fetchPage(ctx context.Context, u string, first bool) (*page, error) {
	resp, err := im.get(ctx, u, true)
	pg := &page{url: u, at: im.opt.Now()}
	if first && isStatus(err, http.StatusNotFound) {
		im.rep.repair("empty-list-404", 1)
		pg.last = true
		return pg, nil
	}
	if err != nil {
		return nil, err
	}
	if t, err := http.ParseTime(resp.header.Get("Date")); err == nil {
		pg.at = t
	}
	v, err := decodeJSON(resp)
	if err != nil {
		return nil, err
	}
	var data []any
	switch x := v.(type) {
	case []any:
		data = x
	case map[string]any:
		switch d := x["data"].(type) {
		case []any:
			data = d
		case map[string]any:
			im.rep.repair("object-instead-of-array", 1)
			data = []any{d}
		case nil:
			if _, isObj := x["id"]; isObj {
				// A single object where a list belongs (System.body pointing at one body).
				im.rep.repair("object-instead-of-array", 1)
				data = []any{x}
			}
		}
		if links, ok := x["links"].(map[string]any); ok {
			pg.next, _ = links["next"].(string)
		}
		if p, ok := x["pagination"].(map[string]any); ok {
			if n, ok := im.view(p, "").integer("totalElements"); ok {
				pg.total = int(n)
			}
		}
	}
	for _, e := range data {
		if o, ok := e.(map[string]any); ok {
			pg.data = append(pg.data, o)
		}
	}
	return pg, nil
}

// pageHint is the page size asked for with limit=: our own server's maximum. A
// page per transaction and request, bigger pages cost less per object.
const pageHint = "1000"

// fetchFirst reads a list's first page asking for pageHint objects per page.
// limit is not in the OParl specification, so a server may refuse it, or answer
// from a static dump that knows no such URL: then the page is read again without
// it, and limit is not sent again in this import. A server that ignores it and
// links its next pages without it is simply followed.
func (im *importer) fetchFirst(ctx context.Context, u string) (*page, error) {
	if !im.noLimit.Load() {
		if p, err := url.Parse(u); err == nil && !p.Query().Has("limit") {
			pg, err := im.fetchPage(ctx, withParam(u, "limit", pageHint), false)
			if err == nil || ctx.Err() != nil {
				return pg, err
			}
			im.noLimit.Store(true)
			im.opt.Logger.Info("Server lehnt limit ab; Seitengröße bleibt beim Server", "url", u, "err", err)
		}
	}
	return im.fetchPage(ctx, u, true)
}

// withParam returns u with query parameter k set to v.
func withParam(u, k, v string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	q := p.Query()
	q.Set(k, v)
	p.RawQuery = q.Encode()
	return p.String()
}
