package oparl

import (
	"fmt"
	"net/http"
	"testing"
)

// TestGolden pins the exact JSON of every object type, standalone and in a list, so
// any change of shape shows up in review. Regenerate with go test -update.
func TestGolden(t *testing.T) {
	w := newWorld(t)
	cases := map[string]string{
		"System":              "/system",
		"BodyList":            "/body",
		"Body":                fmt.Sprintf("/body/%d", w.body.ID),
		"LegislativeTerm":     fmt.Sprintf("/legislativeTerm/%d", w.term.ID),
		"Organization":        fmt.Sprintf("/organization/%d", w.council.ID),
		"Person":              fmt.Sprintf("/person/%d", w.alice.ID),
		"PersonNoConsent":     fmt.Sprintf("/person/%d", w.bob.ID),
		"Membership":          fmt.Sprintf("/membership/%d", w.aliceInCouncil.ID),
		"Meeting":             fmt.Sprintf("/meeting/%d", w.meeting.ID),
		"AgendaItem":          fmt.Sprintf("/agendaItem/%d", w.publicItem.ID),
		"AgendaItemNonPublic": fmt.Sprintf("/agendaItem/%d", w.secretItem.ID),
		"Paper":               fmt.Sprintf("/paper/%d", w.paper.ID),
		"PaperOmitInternal":   fmt.Sprintf("/paper/%d?omit_internal=true", w.paper.ID),
		"PaperTombstone":      fmt.Sprintf("/paper/%d", w.gone.ID),
		"Consultation":        fmt.Sprintf("/consultation/%d", w.consultation.ID),
		"File":                fmt.Sprintf("/file/%d", w.mainFile.ID),
		"Location":            fmt.Sprintf("/location/%d", w.hall.ID),
		"PaperListPage":       fmt.Sprintf("/body/%d/paper?limit=2", w.body.ID),
		"MeetingList":         fmt.Sprintf("/body/%d/meeting", w.body.ID),
		"NotFound":            "/paper/999999",
	}
	for name, path := range cases {
		t.Run(name, func(t *testing.T) {
			resp, body := get(t, w.api+path)
			want := http.StatusOK
			if name == "NotFound" {
				want = http.StatusNotFound
			}
			if resp.StatusCode != want {
				t.Fatalf("GET %s: status %d: %s", path, resp.StatusCode, body)
			}
			golden(t, name, w.srv.URL, body)
		})
	}
}
