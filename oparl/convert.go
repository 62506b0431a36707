package oparl

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// urlSegments are the path segments of the API, one per kind. They are the OParl
// type names with a lower-case first letter, and they never change: they are part of
// every object's id.
var urlSegments = map[ratsinfo.Kind]string{
	ratsinfo.KindBody:            "body",
	ratsinfo.KindLegislativeTerm: "legislativeTerm",
	ratsinfo.KindOrganization:    "organization",
	ratsinfo.KindPerson:          "person",
	ratsinfo.KindMembership:      "membership",
	ratsinfo.KindMeeting:         "meeting",
	ratsinfo.KindAgendaItem:      "agendaItem",
	ratsinfo.KindPaper:           "paper",
	ratsinfo.KindConsultation:    "consultation",
	ratsinfo.KindFile:            "file",
	ratsinfo.KindLocation:        "location",
}

// urls builds ids and web links from the configured base URL. The prefixes are
// computed once, because a list page builds thousands of URLs.
type urls struct {
	base   string // e.g. http://127.0.0.1:8080
	api    string // base + /oparl/v1.1
	prefix map[ratsinfo.Kind]string
	web    map[ratsinfo.Kind]string
	types  map[ratsinfo.Kind]string
}

func newURLs(base string) *urls {
	u := &urls{
		base:   base,
		api:    base + apiPathBase,
		prefix: map[ratsinfo.Kind]string{},
		web:    map[ratsinfo.Kind]string{},
		types:  map[ratsinfo.Kind]string{ratsinfo.KindSystem: schemaBase + "System"},
	}
	for k, seg := range urlSegments {
		u.prefix[k] = u.api + "/" + seg + "/"
		u.web[k] = base + ratsinfo.WebListPath(k) + "/"
		u.types[k] = schemaBase + string(k)
	}
	return u
}

// id returns the canonical URL of object id of kind k, or "" for id 0 so that an
// unset reference is omitted.
func (u *urls) id(k ratsinfo.Kind, id int64) string {
	if id == 0 {
		return ""
	}
	return u.prefix[k] + strconv.FormatInt(id, 10)
}

func (u *urls) ids(k ratsinfo.Kind, ids []int64) []string {
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id > 0 {
			out = append(out, u.id(k, id))
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// webURL is the HTML page of an object. It relies on WebListPath and WebPath sharing
// the segment, which the root package guarantees by building both from one table.
func (u *urls) webURL(k ratsinfo.Kind, id int64) string {
	return u.web[k] + strconv.FormatInt(id, 10)
}

// bodyList returns the URL of the external list of kind k of a body.
func (u *urls) bodyList(bodyID int64, k ratsinfo.Kind) string {
	return u.prefix[ratsinfo.KindBody] + strconv.FormatInt(bodyID, 10) + "/" + urlSegments[k]
}

// conv converts domain objects to OParl JSON for one request: it knows the URLs,
// the time zone, whether omit_internal was asked for, and the batch-loaded objects
// that get embedded.
type conv struct {
	*urls
	loc          *time.Location
	license      string // of System and Body, when they name none
	omitInternal bool
	emb          *embeds
}

// dateTime formats t as OParl wants it, yyyy-mm-ddThh:mm:ss±hh:mm: seconds, explicit
// offset, no fractions, in German local time because that is what councils and
// their users read. It is written by hand because a page formats over a thousand
// timestamps and time.Format's layout interpretation dominated the page's cost.
func (c *conv) dateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(c.loc)
	y, mo, d := t.Date()
	h, mi, sec := t.Clock()
	_, off := t.Zone()
	var b [25]byte
	put4(b[0:], y)
	b[4] = '-'
	put2(b[5:], int(mo))
	b[7] = '-'
	put2(b[8:], d)
	b[10] = 'T'
	put2(b[11:], h)
	b[13] = ':'
	put2(b[14:], mi)
	b[16] = ':'
	put2(b[17:], sec)
	b[19] = '+'
	if off < 0 {
		b[19], off = '-', -off
	}
	put2(b[20:], off/3600)
	b[22] = ':'
	put2(b[23:], off%3600/60)
	return string(b[:])
}

// date formats a calendar day as yyyy-mm-dd, or "" for the zero Date.
func date(d ratsinfo.Date) string {
	if d.IsZero() {
		return ""
	}
	var b [10]byte
	put4(b[0:], d.Year)
	b[4] = '-'
	put2(b[5:], int(d.Month))
	b[7] = '-'
	put2(b[8:], d.Day)
	return string(b[:])
}

func put2(b []byte, n int) {
	b[0], b[1] = byte('0'+n/10%10), byte('0'+n%10)
}

func put4(b []byte, n int) {
	put2(b, n/100)
	put2(b[2:], n%100)
}

func (c *conv) head(k ratsinfo.Kind, id int64) head {
	return head{ID: c.id(k, id), Type: c.types[k]}
}

func (c *conv) tail(k ratsinfo.Kind, m *ratsinfo.Meta) tail {
	return tail{
		License:  m.License,
		Keyword:  m.Keyword,
		Created:  c.dateTime(m.Created),
		Modified: c.dateTime(m.Modified),
		Web:      c.webURL(k, m.ID),
	}
}

func (c *conv) tombstone(k ratsinfo.Kind, m *ratsinfo.Meta) *tombstoneJSON {
	return &tombstoneJSON{
		ID:       c.id(k, m.ID),
		Type:     c.types[k],
		Created:  c.dateTime(m.Created),
		Modified: c.dateTime(m.Modified),
		Deleted:  true,
	}
}

// geoJSON serves the stored Feature in RFC 7946 form. The store normalizes it on
// write; rows written before that are normalized here (the check costs a scan when
// there is nothing to do), and a corrupt row is left out, because one bad value must
// not turn a whole list into an error.
func geoJSON(s string) json.RawMessage {
	if s == "" {
		return nil
	}
	norm, err := ratsinfo.NormalizeGeoJSON(s)
	if err != nil {
		return nil
	}
	return json.RawMessage(norm)
}
