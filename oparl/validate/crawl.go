package validate

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// loadSystem fetches and checks the entry point and fixes the version all
// later checks refer to. Without a usable System there is nothing to
// validate, hence the error.
func (c *checker) loadSystem(ctx context.Context) (map[string]any, error) {
	sys, resp := c.fetchJSON(ctx, c.system)
	switch {
	case resp == nil:
		return nil, fmt.Errorf("validate: System %s nicht erreichbar", c.system)
	case resp.status != http.StatusOK:
		return nil, fmt.Errorf("validate: System %s antwortet mit HTTP %d", c.system, resp.status)
	case sys == nil:
		return nil, fmt.Errorf("validate: System %s liefert kein JSON-Objekt", c.system)
	}
	v := str(sys["oparlVersion"])
	switch {
	case v == "https://schema.oparl.org/1.0/" || v == "https://schema.oparl.org/1.1/":
		c.version = v[len(v)-4 : len(v)-1]
	case strings.HasPrefix(str(sys["type"]), "https://schema.oparl.org/1.0/"):
		c.version = "1.0"
		c.add("system.version", c.system, "oparlVersion = %q", v)
	default:
		c.version = "1.1"
		c.add("system.version", c.system, "oparlVersion = %q", v)
	}
	c.ns = "https://schema.oparl.org/" + c.version + "/"
	if id := str(sys["id"]); id != "" && id != resp.finalURL {
		c.add("object.id-mismatch", c.system, "id %q", id)
	}
	c.checkObject(sys, where{url: c.system, typ: "System", standalone: true})
	c.mu.Lock()
	c.objects[c.system] = &seen{typ: "System", fetched: true, ok: true, checked: true}
	c.nChecked++
	c.mu.Unlock()
	return sys, nil
}

// crawl walks the bodies and their lists, probes filters and error
// handling, then dereferences everything that was linked or embedded.
func (c *checker) crawl(ctx context.Context, sys map[string]any) {
	bodyList := str(sys["body"])
	if !isURL(bodyList) {
		return // reported by the System check
	}
	bodies := c.walkList(ctx, bodyList, walk{typ: "Body", collect: true})
	c.probeFilters(ctx, bodyList, "Body")
	c.probeError(ctx, bodyList)

	var wg sync.WaitGroup
	for _, b := range bodies {
		for _, l := range bodyLists {
			u := str(b[l.prop])
			if !isURL(u) || (c.version == "1.0" && !isV10List(l.prop)) {
				continue
			}
			wg.Go(func() {
				c.walkList(ctx, u, walk{typ: l.typ})
				c.probeFilters(ctx, u, l.typ)
			})
		}
	}
	wg.Wait()
	c.dereference(ctx)
	c.checkNotInList()
	c.checkFiles(ctx)
}

func isV10List(prop string) bool {
	switch prop {
	case "organization", "person", "meeting", "paper":
		return true
	}
	return false
}

// dereference fetches, in rounds, every object that was embedded,
// listed or linked, until nothing new turns up or MaxObjects is reached.
func (c *checker) dereference(ctx context.Context) {
	for ctx.Err() == nil {
		c.mu.Lock()
		batch := c.pending
		c.pending = nil
		c.mu.Unlock()
		if len(batch) == 0 {
			return
		}
		work := make(chan string)
		var wg sync.WaitGroup
		for range c.opt.Concurrency {
			wg.Go(func() {
				for u := range work {
					c.fetchStandalone(ctx, u)
				}
			})
		}
		for _, u := range batch {
			if c.full() || ctx.Err() != nil {
				break
			}
			work <- u
		}
		close(work)
		wg.Wait()
		if c.full() {
			return
		}
	}
}

// fetchStandalone fetches one object (or linked list) under its URL and
// compares it with what the lists and embeddings said about it.
func (c *checker) fetchStandalone(ctx context.Context, u string) {
	c.mu.Lock()
	s := *c.objects[u]
	c.mu.Unlock()
	if s.isList {
		c.walkList(ctx, u, walk{typ: s.want, maxPages: 1, refBy: " (in einem Objekt verlinkt)"})
		return
	}
	obj, resp := c.fetchJSON(ctx, u)
	if resp == nil {
		return
	}
	if resp.status != http.StatusOK {
		switch {
		case s.deleted:
			c.add("deleted.status", u, "gelöschtes Objekt antwortet mit HTTP %d", resp.status)
		default:
			c.add("ref.not-found", u, "HTTP %d%s", resp.status, s.origin())
		}
		return
	}
	if obj == nil {
		return
	}
	if id := str(obj["id"]); id != "" && id != u && id != resp.finalURL {
		c.add("object.id-mismatch", u, "abgerufen unter %s, id ist %s", u, id)
	}
	want := s.typ
	if want == "" {
		want = s.want
	}
	c.checkObject(obj, where{url: u, typ: want, standalone: true, parentType: s.parentType, parentID: s.parent, index: -1})
	typ := typeName(str(obj["type"]))
	mod := str(obj["modified"])
	if s.typ != "" && typ != "" && typ != s.typ {
		c.add("embedded.mismatch", u, "type %s einzeln, %s %s", typ, s.typ, s.origin())
	}
	if s.modified != "" && mod != "" && !sameInstant(mod, s.modified) {
		c.add("embedded.mismatch", u, "modified %s einzeln, %s %s", mod, s.modified, s.origin())
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.objects[u]
	e.ok = true
	if e.typ == "" {
		e.typ = typ
	}
	if !e.checked {
		e.checked = true
		c.nChecked++
	}
}

// origin describes where an object was seen, for messages.
func (s seen) origin() string {
	switch {
	case s.parent != "":
		return " (eingebettet in " + s.parent + ")"
	case s.inList:
		return " (Listeneintrag)"
	case s.want != "":
		return " (verlinkt als " + s.want + ")"
	}
	return ""
}

// checkNotInList reports objects that could be fetched but that no Body
// list contains; a syncing client would never learn about them. 1.0 has
// lists for four types only, and a truncated crawl cannot judge.
func (c *checker) checkNotInList() {
	type miss struct{ u, msg string }
	var found []miss
	c.mu.Lock()
	if c.truncated {
		c.mu.Unlock()
		return
	}
	for u, s := range c.objects {
		if !s.ok || s.inList || s.isList || s.deleted || s.typ == "System" || s.typ == "Body" {
			continue
		}
		if c.version == "1.0" && !isV10List(strings.ToLower(s.typ[:1])+s.typ[1:]) {
			continue
		}
		found = append(found, miss{u, s.typ + s.origin()})
	}
	c.mu.Unlock()
	for _, m := range found {
		c.add("ref.not-in-list", m.u, "%s fehlt in der Liste des Body", m.msg)
	}
}

// typeName returns the last path element of a type URL.
func typeName(t string) string { return t[strings.LastIndex(t, "/")+1:] }
