package sqldb

import (
	"slices"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestPapersOfCommittee checks which papers a committee's list holds: those it
// leads, submitted, hears or decides — named by the consultation or only through
// the consultation's meeting — and the inquiries whose published answer it
// hears. Before, an inquiry heard in the Hauptausschuss through its answer and a
// consultation naming only the meeting were missing.
func TestPapersOfCommittee(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db) // c.paper: an answer heard by c.org in c.meeting
		other := &ratsinfo.Organization{BodyID: c.body.ID, Name: "Bauausschuss", OrganizationType: ratsinfo.OrgTypeCommittee}
		must(t, db.CreateOrganization(writer, other))
		otherMeeting := &ratsinfo.Meeting{BodyID: c.body.ID, Name: "Sitzung des Bauausschusses", OrganizationIDs: []int64{other.ID}}
		must(t, db.CreateMeeting(writer, otherMeeting))
		paper := func(name, typ string, published bool, edit func(p *ratsinfo.Paper)) *ratsinfo.Paper {
			p := &ratsinfo.Paper{BodyID: c.body.ID, Name: name, PaperType: typ, Published: published, Date: ratsinfo.NewDate(2023, 3, 1)}
			if edit != nil {
				edit(p)
			}
			must(t, db.CreatePaper(writer, p))
			return p
		}
		consult := func(p *ratsinfo.Paper, meeting int64, orgs ...int64) *ratsinfo.Consultation {
			k := &ratsinfo.Consultation{PaperID: p.ID, MeetingID: meeting, OrganizationIDs: orgs, Role: ratsinfo.RoleHearing}
			must(t, db.CreateConsultation(writer, k))
			return k
		}

		// The inquiry of c.paper: not consulted itself; its answer names it.
		inquiry := paper("Anfrage Smart City", ratsinfo.PaperTypeInquiry, true, nil)
		answer := reload(t, db.FindPaperByID, c.paper.ID)
		answer.RelatedPaperIDs = []int64{inquiry.ID}
		must(t, db.UpdatePaper(writer, answer))
		// An inquiry that names its answer (the other direction), heard via the meeting only.
		inquiry2 := paper("Anfrage Parkraum", ratsinfo.PaperTypeInquiry, true, nil)
		answer2 := paper("Beantwortung Parkraum", ratsinfo.PaperTypeAnswer, true, nil)
		consult(answer2, c.meeting.ID)
		inquiry2 = reload(t, db.FindPaperByID, inquiry2.ID)
		inquiry2.RelatedPaperIDs = []int64{answer2.ID}
		must(t, db.UpdatePaper(writer, inquiry2))
		// An inquiry whose answer is not published: the answer says nothing yet.
		hidden := paper("Anfrage Schulweg", ratsinfo.PaperTypeInquiry, true, nil)
		draft := paper("Beantwortung Schulweg (Entwurf)", ratsinfo.PaperTypeAnswer, false,
			func(p *ratsinfo.Paper) { p.RelatedPaperIDs = []int64{hidden.ID} })
		consult(draft, c.meeting.ID, c.org.ID)
		// A motion whose consultation names only the meeting, as imports often do.
		byMeeting := paper("Antrag Radweg", ratsinfo.PaperTypeMotion, true, nil)
		consult(byMeeting, c.meeting.ID)
		// Submitted and led by the committee.
		submitted := paper("Antrag des Hauptausschusses", ratsinfo.PaperTypeMotion, true,
			func(p *ratsinfo.Paper) { p.OriginatorOrganizationIDs = []int64{c.org.ID} })
		led := paper("Beschlussvorlage Haushalt", ratsinfo.PaperTypeResolution, true,
			func(p *ratsinfo.Paper) { p.UnderDirectionOfIDs = []int64{c.org.ID} })
		// Another committee's papers, and an inquiry answered there.
		elsewhere := paper("Bebauungsplan 300", ratsinfo.PaperTypeResolution, true, nil)
		consult(elsewhere, otherMeeting.ID)
		inquiry3 := paper("Anfrage Bauen", ratsinfo.PaperTypeInquiry, true, nil)
		consult(paper("Beantwortung Bauen", ratsinfo.PaperTypeAnswer, true,
			func(p *ratsinfo.Paper) { p.RelatedPaperIDs = []int64{inquiry3.ID} }), 0, other.ID)
		// A withdrawn consultation no longer ties a paper to the committee.
		withdrawn := paper("Antrag zurückgezogen", ratsinfo.PaperTypeMotion, true, nil)
		k := consult(withdrawn, c.meeting.ID, c.org.ID)
		must(t, db.DeleteConsultation(writer, k.ID))

		find := func(q ratsinfo.PaperQuery) []int64 {
			t.Helper()
			ps, total, err := db.FindPapersByDate(bg, q)
			must(t, err)
			var ids []int64
			for _, p := range ps {
				ids = append(ids, p.ID)
			}
			if total != len(ids) {
				t.Errorf("%+v: total %d, listed %d", q, total, len(ids))
			}
			slices.Sort(ids)
			return ids
		}
		sorted := func(ids ...int64) []int64 { slices.Sort(ids); return ids }

		want := sorted(c.paper.ID, inquiry.ID, inquiry2.ID, answer2.ID, byMeeting.ID, submitted.ID, led.ID)
		if got := find(ratsinfo.PaperQuery{OrganizationID: c.org.ID}); !slices.Equal(got, want) {
			t.Errorf("Hauptausschuss: %v, want %v", got, want)
		}
		want = sorted(inquiry.ID, inquiry2.ID)
		if got := find(ratsinfo.PaperQuery{OrganizationID: c.org.ID, PaperType: ratsinfo.PaperTypeInquiry,
			DateFrom: ratsinfo.NewDate(2023, 1, 1), DateUntil: ratsinfo.NewDate(2023, 12, 31)}); !slices.Equal(got, want) {
			t.Errorf("inquiries heard in the Hauptausschuss in 2023: %v, want %v", got, want)
		}
		want = sorted(elsewhere.ID, inquiry3.ID, answerOf(t, db, inquiry3.ID))
		if got := find(ratsinfo.PaperQuery{OrganizationID: other.ID}); !slices.Equal(got, want) {
			t.Errorf("Bauausschuss: %v, want %v", got, want)
		}
	})
}

// answerOf is the id of the paper that names the inquiry as related.
func answerOf(t *testing.T, db *DB, inquiryID int64) int64 {
	t.Helper()
	ps, _, err := db.FindPapersByDate(bg, ratsinfo.PaperQuery{RelatedPaperID: inquiryID})
	must(t, err)
	if len(ps) != 1 {
		t.Fatalf("inquiry %d: %d answers", inquiryID, len(ps))
	}
	return ps[0].ID
}
