package ratsinfo

import (
	"reflect"
	"strings"
	"testing"
)

// validBaselines are one valid object of every type with a Validate method.
func validBaselines() []interface{ Validate() error } {
	return []interface{ Validate() error }{
		&System{Name: "Ratsinfo"},
		&Body{Name: "Stadt"},
		&LegislativeTerm{BodyID: 1, Name: "2024–2029"},
		&Location{BodyID: 1, Description: "Rathaus"},
		&File{BodyID: 1, Name: "Vorlage"},
		&Meeting{BodyID: 1, Name: "Ratssitzung"},
		&AgendaItem{MeetingID: 1, Name: "Haushalt"},
		&Organization{BodyID: 1, Name: "Rat"},
		&Person{BodyID: 1, Name: "Erika Muster"},
		&Membership{PersonID: 1, OrganizationID: 1},
		&Paper{BodyID: 1, Name: "Haushalt 2024"},
		&Consultation{PaperID: 1},
	}
}

// TestEveryStringFieldRefusesControlAndLength puts a NUL, and a text longer than
// any limit, into every string field (and string list) of every type in turn:
// each must be refused, so no text field can carry what PostgreSQL refuses or a
// 20 MB title.
func TestEveryStringFieldRefusesControlAndLength(t *testing.T) {
	for _, base := range validBaselines() {
		typ := reflect.TypeOf(base).Elem()
		if err := base.Validate(); err != nil {
			t.Fatalf("%s: Ausgangsobjekt ungültig: %v", typ.Name(), err)
		}
		for _, path := range stringFields(typ, nil) {
			for name, bad := range map[string]string{"NUL": "Text\x00mit NUL", "zu lang": strings.Repeat("x", MaxLongText+1)} {
				x := reflect.New(typ)
				x.Elem().Set(reflect.ValueOf(base).Elem())
				f := x.Elem().FieldByIndex(path)
				if f.Kind() == reflect.Slice {
					f.Set(reflect.ValueOf([]string{bad}))
				} else {
					f.SetString(bad)
				}
				if err := x.Interface().(interface{ Validate() error }).Validate(); err == nil {
					t.Errorf("%s.%s: %s nicht abgewiesen", typ.Name(), typ.FieldByIndex(path).Name, name)
				}
			}
		}
	}
}

// stringFields returns the index paths of every string and []string field,
// embedded structs included.
func stringFields(t reflect.Type, prefix []int) [][]int {
	var out [][]int
	for i := range t.NumField() {
		f := t.Field(i)
		p := append(append([]int{}, prefix...), i)
		switch {
		case f.Anonymous && f.Type.Kind() == reflect.Struct:
			out = append(out, stringFields(f.Type, p)...)
		case f.Type.Kind() == reflect.String, f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			out = append(out, p)
		}
	}
	return out
}
