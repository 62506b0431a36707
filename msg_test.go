package ratsinfo

import (
	"errors"
	"fmt"
	"testing"
)

// TestErrorKeepsKeyAndArgs checks that formatted messages keep their format and
// arguments beside the German text, so that a surface can translate them.
func TestErrorKeepsKeyAndArgs(t *testing.T) {
	e := NotFound(KindPaper, 42)
	if e.Message != "Die Vorlage 42 wurde nicht gefunden." || e.Msg.Key != "%s %d wurde nicht gefunden." ||
		e.Msg.Args[0].(Msg).Key != "Die Vorlage" || e.Msg.Args[1] != int64(42) {
		t.Errorf("NotFound: %q %#v", e.Message, e.Msg)
	}
	if got := ErrorText(fmt.Errorf("load: %w", e)); got.Key != e.Msg.Key {
		t.Errorf("ErrorText through a wrap: %#v", got)
	}
	if got := ErrorText(fmt.Errorf("boom")); got.Key != internalMessage || len(got.Args) != 0 {
		t.Errorf("internal: %#v", got)
	}
	// An error built with a Message only is its own key.
	plain := &Error{Code: ECONFLICT, Message: "100 % belegt.", Fields: map[string]string{"x": "falsch."}}
	if plain.Text().String() != "100 % belegt." || plain.FieldText("x").String() != "falsch." {
		t.Errorf("plain: %q %q", plain.Text(), plain.FieldText("x"))
	}

	l := &LegislativeTerm{BodyID: 1, Name: "2023–2028", StartDate: NewDate(2028, 1, 1), EndDate: NewDate(2023, 1, 1),
		Meta: Meta{License: "kein Link"}}
	err := l.Validate()
	var ve *Error
	if !errors.As(err, &ve) {
		t.Fatalf("want a validation error, got %v", err)
	}
	if ve.Msg.Key != "%s enthält ungültige Angaben. Bitte korrigieren Sie die genannten Felder." || ve.Msg.Args[0].(Msg).Key != "Die Wahlperiode" {
		t.Errorf("message: %#v", ve.Msg)
	}
	for field, want := range map[string]string{
		"endDate": "Das Enddatum %s liegt vor dem Anfangsdatum %s.",
		"license": "%q ist keine gültige Adresse; erwartet wird eine vollständige URL wie https://example.org/.",
	} {
		got := ve.FieldText(field)
		if got.Key != want || got.String() != ve.Fields[field] || len(got.Args) == 0 {
			t.Errorf("%s: %#v, German %q", field, got, ve.Fields[field])
		}
	}
}

// TestErrorfWithoutArguments: a message without arguments is still a format, so
// "%%" reads as one "%" (a hint such as "%3A für einen Doppelpunkt").
func TestErrorfWithoutArguments(t *testing.T) {
	e := Errorf(EINVALID, "z. B. %%3A für einen Doppelpunkt")
	if e.Message != "z. B. %3A für einen Doppelpunkt" || e.Msg.String() != e.Message {
		t.Errorf("Message %q, Msg %q", e.Message, e.Msg.String())
	}
}
