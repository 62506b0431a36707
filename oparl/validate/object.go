package validate

import (
	"strings"
	"time"
)

// where tells checkObject how an object was reached, because obligations
// differ: embedded objects omit back-references, standalone ones carry them.
type where struct {
	url        string // where to report if the object has no usable id
	typ        string // expected type name from the context, "" if unknown
	embedded   bool
	standalone bool // fetched under its own URL
	inList     bool // an entry of a Body list
	parentType string
	parentID   string
	index      int // position in the parent's array, -1 if none
}

// checkObject checks one OParl object and everything embedded in it, and
// schedules the objects it references for dereferencing. It returns the
// object's id ("" if it has none).
func (c *checker) checkObject(obj map[string]any, w where) string {
	id, _ := obj["id"].(string)
	at := id
	if at == "" {
		at = w.url
		c.add("object.required", at, "Eigenschaft „id“ fehlt")
	}
	deleted, _ := obj["deleted"].(bool)
	typ := c.checkType(obj, at, w.typ, deleted)
	if typ == "" {
		typ = w.typ
	}
	if deleted {
		for _, p := range []string{"id", "type", "created", "modified"} {
			if isMissing(obj[p]) {
				c.add("deleted.properties", at, "gelöschtes Objekt ohne „%s“", p)
			}
		}
		if w.embedded {
			c.add("embedded.deleted", at, "gelöschtes Objekt eingebettet in %s", w.parentID)
		}
	}
	c.checkTimestamps(obj, at, w, deleted)

	for name, v := range obj {
		p, ok := lookupProp(typ, name)
		if !ok || name == "type" {
			continue // vendor extensions and unknown properties are allowed
		}
		c.checkValue(at, typ, name, v, p, id)
	}
	if !deleted {
		c.checkRequired(obj, at, typ, w)
		c.checkSemantics(obj, at, typ, w)
	}
	if id != "" && !w.standalone {
		c.note(id, typ, str(obj["modified"]), deleted, w)
	}
	return id
}

// checkType validates the type URL and returns the type name it names.
func (c *checker) checkType(obj map[string]any, at, want string, deleted bool) string {
	t, ok := obj["type"].(string)
	if !ok {
		if !deleted && isMissing(obj["type"]) {
			c.add("object.required", at, "Eigenschaft „type“ fehlt")
		}
		return ""
	}
	name, found := strings.CutPrefix(t, c.ns)
	if !found {
		c.add("object.type", at, "type %q passt nicht zur Version %s (erwartet %s…)", t, c.version, c.ns)
		name = t[strings.LastIndex(t, "/")+1:]
	}
	if _, known := typeProps[name]; !known {
		c.add("object.type", at, "unbekannter Typ %q", t)
		return ""
	}
	if want != "" && name != want {
		c.add("object.type", at, "Typ %s, erwartet %s", name, want)
	}
	return name
}

// checkTimestamps applies the created/modified obligations: mandatory for
// every object in 1.1, only recommended in 1.0 (and not demanded of
// embedded 1.0 objects or their standalone copies, which real 1.0 servers
// omit legitimately).
func (c *checker) checkTimestamps(obj map[string]any, at string, w where, deleted bool) {
	for _, p := range []string{"created", "modified"} {
		if !isMissing(obj[p]) || deleted {
			continue
		}
		switch {
		case c.version == "1.1":
			c.add("object.timestamps", at, "Eigenschaft „%s“ fehlt", p)
		case !w.embedded && w.parentID == "":
			c.add("object.timestamps-recommended", at, "Eigenschaft „%s“ fehlt", p)
		}
	}
	cr, err1 := time.Parse(time.RFC3339, str(obj["created"]))
	mo, err2 := time.Parse(time.RFC3339, str(obj["modified"]))
	if err1 == nil && err2 == nil && cr.After(mo) {
		c.add("object.created-after-modified", at, "created %s liegt nach modified %s", str(obj["created"]), str(obj["modified"]))
	}
}

// checkRequired reports missing mandatory properties, counting null as
// missing because mandatory properties must never be null.
func (c *checker) checkRequired(obj map[string]any, at, typ string, w where) {
	for name, s := range typeProps[typ] {
		p := spec(s)
		need := p.required == "all" || (p.required == "11" && c.version == "1.1") ||
			(p.required == "standalone" && w.standalone)
		if !need || !isMissing(obj[name]) {
			continue
		}
		if p.required == "standalone" {
			c.add("embedded.backref", at, "%s ohne Rückreferenz „%s“ beim Einzelabruf", typ, name)
			continue
		}
		if typ == "Body" && p.required == "11" {
			c.add("body.list-missing", at, "Liste „%s“ fehlt", name)
			continue
		}
		c.add("object.required", at, "%s ohne zwingende Eigenschaft „%s“", typ, name)
	}
	// Only judged when we know a parent: an orphan Location has none.
	if refs, ok := backrefArrays[typ]; ok && w.standalone && w.parentID != "" {
		for _, r := range refs {
			if !isMissing(obj[r]) {
				return
			}
		}
		c.add("embedded.backref-array", at, "%s ohne Rückreferenz (%s)", typ, strings.Join(refs, ", "))
	}
}

// note remembers an object seen in a list or embedded and schedules its
// standalone fetch: every object must be retrievable under its id.
func (c *checker) note(id, typ, modified string, deleted bool, w where) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.objects[id]
	if s == nil {
		s = &seen{}
		c.objects[id] = s
	}
	if !s.checked {
		s.checked = true
		c.nChecked++
	}
	if s.typ == "" {
		s.typ, s.modified = typ, modified
	}
	if w.inList {
		s.inList = true
	}
	if deleted {
		s.deleted = true
	}
	if w.embedded && s.parent == "" {
		s.parentType, s.parent = w.parentType, w.parentID
	}
	c.scheduleLocked(id, s)
}

// scheduleLocked queues id for a standalone fetch once.
func (c *checker) scheduleLocked(id string, s *seen) {
	if s.fetched || !c.sameOrigin(id) {
		return
	}
	s.fetched = true
	c.pending = append(c.pending, id)
}

// reference schedules a referenced URL (object or list) for dereferencing.
func (c *checker) reference(u, typ string, isList bool) {
	if !c.sameOrigin(u) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.objects[u]
	if s == nil {
		s = &seen{isList: isList, want: typ}
		c.objects[u] = s
	}
	c.scheduleLocked(u, s)
}

func isMissing(v any) bool { return v == nil }

// str returns v if it is a string, else "".
func str(v any) string {
	s, _ := v.(string)
	return s
}
