package ratsinfo

import (
	"encoding/json"
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

// validator collects field errors so that a user learns everything wrong at once.
type validator struct {
	kind   Kind
	fields map[string]string
	msgs   map[string]Msg // fields' messages as key and arguments
}

func newValidator(k Kind) *validator { return &validator{kind: k} }

// add notes what is wrong with field; the first problem of a field wins.
func (v *validator) add(field, msg string) { v.addf(field, msg) }

// addf is add with a formatted message, kept as key and arguments for translation.
func (v *validator) addf(field, format string, args ...any) {
	v.addMsg(field, NewMsg(format, args...))
}

// addMsg is add with a message that is already key and arguments.
func (v *validator) addMsg(field string, m Msg) {
	if v.fields == nil {
		v.fields, v.msgs = map[string]string{}, map[string]Msg{}
	}
	if _, dup := v.fields[field]; !dup {
		v.fields[field], v.msgs[field] = m.String(), m
	}
}

func (v *validator) err() error {
	if len(v.fields) == 0 {
		return nil
	}
	m := NewMsg("%s enthält ungültige Angaben. Bitte korrigieren Sie die genannten Felder.", v.kind.Label())
	return &Error{Code: EINVALID, Message: m.String(), Msg: m, Fields: v.fields, FieldMsgs: v.msgs}
}

// text trims *s and rejects invalid UTF-8, control characters and text longer
// than the field's limit (TextLimit). Empty stays empty: OParl wants empty
// strings omitted, so "" means "not set".
func (v *validator) text(field string, s *string) { v.textMax(field, s, TextLimit(field)) }

// textMax is text with an explicit limit in bytes instead of the field's.
func (v *validator) textMax(field string, s *string, limit int) {
	*s = strings.TrimSpace(*s)
	if !utf8.ValidString(*s) {
		v.add(field, "enthält ungültige Zeichen (kein UTF-8).")
		return
	}
	if strings.IndexFunc(*s, IsControl) >= 0 {
		v.add(field, "enthält Steuerzeichen; bitte nur Text eingeben.")
		return
	}
	if len(*s) > limit {
		v.addf(field, "ist mit %d Zeichen zu lang; höchstens %d sind erlaubt.", utf8.RuneCountInString(*s), limit)
	}
}

// IsControl reports whether r is a control character that no text field may
// hold: the C0 controls except tab, line feed and carriage return, and DEL.
// PostgreSQL refuses NUL in text outright; the others only ever come from
// damaged sources (extracted PDF text carries them).
func IsControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f
}

// StripControl returns s without the characters IsControl names, and whether
// any were removed: the OParl mirror repairs foreign data this way, where a user
// entering text gets the validator's message instead.
func StripControl(s string) (string, bool) {
	if strings.IndexFunc(s, IsControl) < 0 {
		return s, false
	}
	return strings.Map(func(r rune) rune {
		if IsControl(r) {
			return -1
		}
		return r
	}, s), true
}

// Text limits in bytes. A single field of a foreign source once held a 20 MB
// title that then went into every list page embedding it: every text field has
// a limit, generous for what councils write.
const (
	// MaxText is the limit of every field not named in longText.
	MaxText = 10_000
	// MaxLongText is the limit of the extracted text of a file.
	MaxLongText = 4 << 20
)

// longText are the fields (by their OParl property name) that hold running text.
var longText = map[string]int{
	"text":           MaxLongText,
	"resolutionText": 1 << 20,
	"description":    100_000,
	"life":           100_000,
	"geojson":        1 << 20,
}

// TextLimit returns the length limit in bytes of a text field, named by its
// OParl property name.
func TextLimit(field string) int {
	if n, ok := longText[field]; ok {
		return n
	}
	return MaxText
}

func (v *validator) required(field string, s *string) {
	v.text(field, s)
	if *s == "" {
		v.add(field, "darf nicht leer sein.")
	}
}

// texts trims each element and drops empty ones, so `[""]` never reaches the API.
func (v *validator) texts(field string, list *[]string) {
	out := (*list)[:0]
	for i := range *list {
		s := (*list)[i]
		v.text(field, &s)
		if s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		out = nil
	}
	*list = out
}

// url checks an absolute http(s) URL; "" is allowed (not set).
func (v *validator) url(field string, s *string) {
	v.text(field, s)
	if *s == "" {
		return
	}
	if !IsURL(*s) {
		v.addf(field, "%q ist keine gültige Adresse; erwartet wird eine vollständige URL wie https://example.org/.", *s)
	}
}

func (v *validator) urls(field string, list *[]string) {
	v.texts(field, list)
	for i := range *list {
		v.url(field, &(*list)[i])
	}
}

func (v *validator) dateOrder(field string, start, end Date) {
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		v.addf(field, "Das Enddatum %s liegt vor dem Anfangsdatum %s.", end, start)
	}
}

func (v *validator) meta(m *Meta) {
	v.texts("keyword", &m.Keyword)
	v.url("license", &m.License)
}

func (v *validator) ids(field string, ids []int64) {
	for _, id := range ids {
		if id <= 0 {
			v.add(field, "enthält eine ungültige Kennung; Kennungen sind positive Zahlen.")
			return
		}
	}
}

// IsURL reports whether s is an absolute http or https URL with a host.
func IsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}

var agsPattern = regexp.MustCompile(`^[0-9]{8}$`)
var rgsPattern = regexp.MustCompile(`^[0-9]{12}$`)

// maxEmail is the longest address SMTP can deliver to (RFC 5321, 4.5.3.1.3).
const maxEmail = 254

// ValidEmail is the one e-mail rule of the system: a bare address (no display
// name, no "mailto:") with a dot in the domain, at most 254 bytes long. That is an
// address the council office can answer to; the website's forms, the record's
// contact addresses and the mirror's repair all ask this function.
func ValidEmail(s string) bool {
	if len(s) > maxEmail {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".")
}

// ValidateGeoJSON checks that s is a complete GeoJSON Feature whose point coordinates
// are [longitude, latitude] in range. OParl demands a Feature; real servers send bare
// geometries and swapped axes, which we refuse on write.
func ValidateGeoJSON(s string) error {
	var f struct {
		Type     string `json:"type"`
		Geometry *struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	}
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		return Errorf(EINVALID, "Die Geodaten sind kein gültiges JSON.")
	}
	if f.Type != "Feature" || f.Geometry == nil {
		return Errorf(EINVALID, "Die Geodaten müssen ein vollständiges GeoJSON-Feature sein ({\"type\":\"Feature\",\"geometry\":{…}}).")
	}
	if f.Geometry.Type == "Point" {
		var c []float64
		if err := json.Unmarshal(f.Geometry.Coordinates, &c); err != nil || len(c) < 2 {
			return Errorf(EINVALID, "Ein GeoJSON-Punkt braucht die Koordinaten [Längengrad, Breitengrad].")
		}
		if c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90 {
			return Errorf(EINVALID, "Die Koordinaten [%g, %g] liegen außerhalb des gültigen Bereichs; erwartet wird [Längengrad, Breitengrad].", c[0], c[1])
		}
	}
	return nil
}
