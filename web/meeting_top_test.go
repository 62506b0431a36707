package web

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestMeetingPageTop checks the meeting page of the demo's hearing: the
// meeting's own documents stand above the agenda, the schema.org Event parses
// back with the meeting's date and organizer, and the treated paper, titled like
// its item, is named by its number rather than by the title a second time.
func TestMeetingPageTop(t *testing.T) {
	w := testWorld(t)
	_, page := w.get(t, fmt.Sprintf("/sitzungen/%d", w.city.HearingMeetingID), "Accept-Language", "de")
	docs, agenda := strings.Index(page, `id="dokumente"`), strings.Index(page, `id="tagesordnung"`)
	if docs < 0 || agenda < docs {
		t.Errorf("documents at %d, agenda at %d: want the meeting's documents first", docs, agenda)
	}
	_, raw, _ := strings.Cut(page, `<script type="application/ld+json">`)
	raw, _, _ = strings.Cut(raw, "</script>")
	var ev struct {
		Type      string `json:"@type"`
		Name      string `json:"name"`
		StartDate string `json:"startDate"`
		URL       string `json:"url"`
		Organizer []struct {
			Name string `json:"name"`
		} `json:"organizer"`
	}
	if err := json.Unmarshal([]byte(raw), &ev); err != nil {
		t.Fatalf("JSON-LD %q: %v", raw, err)
	}
	if ev.Type != "Event" || !strings.HasPrefix(ev.StartDate, "2023-02-27T") || len(ev.Organizer) == 0 ||
		!strings.Contains(ev.Organizer[0].Name, "Hauptausschuss") || ev.URL != fmt.Sprintf("http://ratsinfo.test/sitzungen/%d", w.city.HearingMeetingID) {
		t.Errorf("Event %+v", ev)
	}
	if !strings.Contains(page, ">Vorlage A 23/0012/1</a>") {
		t.Errorf("the answer is not named by its number on the agenda")
	}
	for _, item := range strings.Split(page, "<li id=\"top-")[1:] {
		_, title, _ := strings.Cut(item, "</span> ")
		title, _, _ = strings.Cut(title, "</h3>")
		if title != "" && strings.Count(item, title) > 1 && !strings.Contains(title, "nonpublic") {
			t.Errorf("agenda item title %q shown %d times", title, strings.Count(item, title))
		}
	}
}
