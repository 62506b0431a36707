package ratsinfo

import (
	"context"
	"strings"
	"testing"
	"time"
)

func fieldErrors(t *testing.T, err error) map[string]string {
	t.Helper()
	if err == nil {
		return nil
	}
	e, ok := err.(*Error)
	if !ok || e.Code != EINVALID {
		t.Fatalf("want *Error with code invalid, got %T %v", err, err)
	}
	return e.Fields
}

func TestBodyValidation(t *testing.T) {
	cases := []struct {
		name  string
		body  Body
		field string // "" = valid
	}{
		{"valid", Body{Name: "Stadt Norderstedt", AGS: "01060063"}, ""},
		{"seven-digit AGS as real servers send it", Body{Name: "Hürtgenwald", AGS: "5358016"}, "ags"},
		{"AGS with letters", Body{Name: "X", AGS: "0106006A"}, "ags"},
		{"empty name", Body{Name: "   "}, "name"},
		{"licence as prose", Body{Name: "X", Meta: Meta{License: "Datenlizenz Deutschland"}}, "license"},
		{"equivalent with empty entry is cleaned", Body{Name: "X", Equivalent: []string{"", " https://de.wikipedia.org/wiki/Norderstedt "}}, ""},
		{"bad e-mail", Body{Name: "X", ContactEmail: "rathaus-at-norderstedt"}, "contactEmail"},
		{"RGS too short", Body{Name: "X", RGS: "0106"}, "rgs"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fields := fieldErrors(t, tc.body.Validate())
			if tc.field == "" && fields != nil {
				t.Fatalf("unexpected errors %v", fields)
			}
			if tc.field != "" && fields[tc.field] == "" {
				t.Fatalf("want an error on %s, got %v", tc.field, fields)
			}
		})
	}
}

func TestValidationTrimsAndDropsEmpty(t *testing.T) {
	b := Body{Name: "  Stadt Norderstedt \n", Equivalent: []string{"", "  "}, Meta: Meta{Keyword: []string{" Rat ", ""}}}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	if b.Name != "Stadt Norderstedt" || b.Equivalent != nil || len(b.Keyword) != 1 || b.Keyword[0] != "Rat" {
		t.Fatalf("not cleaned: %+v", b)
	}
}

func TestDateOrderAndGeoJSON(t *testing.T) {
	term := LegislativeTerm{BodyID: 1, Name: "2023–2028", StartDate: NewDate(2028, 5, 31), EndDate: NewDate(2023, 6, 1)}
	if f := fieldErrors(t, term.Validate()); f["endDate"] == "" {
		t.Errorf("end before start accepted: %v", f)
	}
	good := `{"type":"Feature","geometry":{"type":"Point","coordinates":[10.0103,53.7064]},"properties":{}}`
	for geo, ok := range map[string]bool{
		good: true,
		`{"type":"Point","coordinates":[10.0,53.7]}`:                            false, // bare geometry
		`{"type":"Feature","geometry":{"type":"Point","coordinates":[200,10]}}`: false, // longitude out of range
		`kein json`: false,
	} {
		l := Location{BodyID: 1, GeoJSON: geo}
		err := l.Validate()
		if ok != (err == nil) {
			t.Errorf("geojson %s: err %v", geo, err)
		}
	}
}

func TestPersonAndPaperRules(t *testing.T) {
	p := Person{BodyID: 1, GivenName: "Patrick", FamilyName: "Pender"}
	if err := p.Validate(); err != nil || p.Name != "Patrick Pender" {
		t.Fatalf("name not derived: %q %v", p.Name, err)
	}
	if f := fieldErrors(t, (&Person{BodyID: 1, Name: "X", Gender: "Female"}).Validate()); f["gender"] == "" {
		t.Error("capitalised gender accepted")
	}
	self := Paper{Meta: Meta{ID: 7}, BodyID: 1, Name: "Antrag", RelatedPaperIDs: []int64{7}}
	if f := fieldErrors(t, self.Validate()); f["relatedPaper"] == "" {
		t.Error("paper related to itself accepted")
	}
	if f := fieldErrors(t, (&Paper{BodyID: 1, Name: "Bad\x00Name"}).Validate()); f["name"] == "" {
		t.Error("control character accepted")
	}
	if f := fieldErrors(t, (&File{BodyID: 1, Name: "Anlage", MimeType: "pdf"}).Validate()); f["mimeType"] == "" {
		t.Error(`mimeType "pdf" accepted`)
	}
}

func TestErrorMessages(t *testing.T) {
	err := (&Paper{}).Validate()
	msg := ErrorMessage(err)
	for _, want := range []string{"Die Vorlage", "name", "body"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if ErrorCode(context.Canceled) != EINTERNAL || strings.Contains(ErrorMessage(context.Canceled), "context") {
		t.Error("internal errors must not show their text")
	}
	if got := NotFound(KindMeeting, 4).Error(); got != "Die Sitzung 4 wurde nicht gefunden." {
		t.Errorf("not found message %q", got)
	}
}

func TestViewerDefaultsToPublic(t *testing.T) {
	if ViewerFrom(context.Background()).SeesNonPublic() {
		t.Fatal("a context without viewer must be the anonymous public")
	}
	if !ViewerFrom(SystemContext(context.Background())).SeesNonPublic() {
		t.Fatal("the system viewer must see everything")
	}
}

func TestDates(t *testing.T) {
	d, err := ParseDate("2023-02-27")
	if err != nil || d.String() != "2023-02-27" {
		t.Fatalf("%v %v", d, err)
	}
	if _, err := ParseDate("27.02.2023"); ErrorCode(err) != EINVALID {
		t.Errorf("German date format accepted without conversion: %v", err)
	}
	// The hand-written parser must agree with time.Parse on every case.
	for _, s := range []string{"2024-02-29", "2023-02-29", "2023-04-31", "2023-12-31", "0001-01-01",
		"2023-13-01", "2023-00-10", "2023-01-00", "2023-1-01", "2023-01-01 ", "2023/01/01", "2o23-01-01", "+023-01-01"} {
		want, werr := time.Parse("2006-01-02", s)
		got, err := ParseDate(s)
		if (err == nil) != (werr == nil) || (err == nil && got != DateOf(want)) {
			t.Errorf("ParseDate(%q) = %v, %v; time.Parse gives %v, %v", s, got, err, want, werr)
		}
	}
	berlin := time.Date(2023, 2, 27, 18, 0, 0, 0, Berlin())
	if _, off := berlin.Zone(); off != 3600 {
		t.Errorf("Berlin offset in February %d", off)
	}
	if WebPath(KindPaper, 3) != "/vorlagen/3" || WebListPath(KindMeeting) != "/sitzungen" {
		t.Error("web paths changed; they are linked from OParl and must stay stable")
	}
}

// TestValidEmail is the one e-mail rule that the forms, the record and the
// mirror's repair share.
func TestValidEmail(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"rathaus@norderstedt.de", true},
		{"max.mustermann@stadt-beispiel.example.org", true},
		{"a+filter@example.org", true},
		{"", false},
		{"rathaus-at-norderstedt", false},
		{"rat@localhost", false},            // no dot in the domain: nobody answers there
		{"max.mustermann@localhost", false}, // a dot in the local part is not one in the domain
		{"mailto:rat@example.org", false},   // a link, not an address
		{"Rat <rat@example.org>", false},    // display names are the mirror's to strip
		{"rat@example.org ", false},         // callers trim first
		{"rat @example.org", false},
		{"rat@@example.org", false},
		{"rat..haus@example.org", false},
		{"rat@example..org", false},
		{"rat@.example.org", false},
		{"@example.org", false},
		{strings.Repeat("a", 64) + "@" + strings.Repeat("b", 186) + ".de", true}, // 254 bytes
		{strings.Repeat("a", 64) + "@" + strings.Repeat("b", 187) + ".de", false},
	}
	for _, tc := range cases {
		if got := ValidEmail(tc.in); got != tc.want {
			t.Errorf("ValidEmail(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
