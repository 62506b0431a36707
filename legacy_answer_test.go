package ratsinfo

import "testing"

func TestParseLegacyPerson(t *testing.T) {
	cases := map[string]LegacyPerson{
		"Herr Pender":            {FormOfAddress: "Herr", FamilyName: "Pender"},
		"Frau Dr. Anke Lorenzen": {FormOfAddress: "Frau", Title: "Dr.", GivenName: "Anke", FamilyName: "Lorenzen"},
		"Ratsherr Tobias Wendt":  {FormOfAddress: "Herr", GivenName: "Tobias", FamilyName: "Wendt"},
		"Abgeordnete Schmidt":    {FormOfAddress: "Frau", FamilyName: "Schmidt"},
		"Anna Maria Berg":        {GivenName: "Anna Maria", FamilyName: "Berg"},
		"Berg":                   {FamilyName: "Berg"},
	}
	for in, want := range cases {
		if got := ParseLegacyPerson(in); got != want {
			t.Errorf("%q: got %+v, want %+v", in, got, want)
		}
	}
	if n := (LegacyPerson{FormOfAddress: "Frau", Title: "Dr.", GivenName: "Anke", FamilyName: "Lorenzen"}).Name(); n != "Dr. Anke Lorenzen" {
		t.Errorf("name %q", n)
	}
}
