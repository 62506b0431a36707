package web

import (
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
)

// Kinds without a page of their own have stable URLs all the same (OParl `web`
// links point at them); they redirect to the page that shows them. The object is
// read first, so a hidden or unknown one is a 404, not a redirect that reveals it.

func (s *Server) agendaItemRedirect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	it, err := loadLive(r.Context(), s.store.FindAgendaItemByID, ratsinfo.KindAgendaItem, id)
	if err != nil {
		return err
	}
	return redirect(w, r, ratsinfo.WebPath(ratsinfo.KindMeeting, it.MeetingID)+"#top-"+strconv.FormatInt(id, 10))
}

func (s *Server) consultationRedirect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	c, err := loadLive(r.Context(), s.store.FindConsultationByID, ratsinfo.KindConsultation, id)
	if err != nil {
		return err
	}
	return redirect(w, r, ratsinfo.WebPath(ratsinfo.KindPaper, c.PaperID)+"#beratung-"+strconv.FormatInt(id, 10))
}

func (s *Server) membershipRedirect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	m, err := loadLive(r.Context(), s.store.FindMembershipByID, ratsinfo.KindMembership, id)
	if err != nil {
		return err
	}
	return redirect(w, r, ratsinfo.WebPath(ratsinfo.KindPerson, m.PersonID)+"#mitgliedschaften")
}

func (s *Server) legislativeTermRedirect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	t, err := loadLive(r.Context(), s.store.FindLegislativeTermByID, ratsinfo.KindLegislativeTerm, id)
	if err != nil {
		return err
	}
	// Papers of the term: the list filtered to its dates.
	return redirect(w, r, ratsinfo.WebListPath(ratsinfo.KindPaper)+"?von="+t.StartDate.String()+"&bis="+t.EndDate.String())
}

func (s *Server) bodyRedirect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := loadLive(r.Context(), s.store.FindBodyByID, ratsinfo.KindBody, id); err != nil {
		return err
	}
	return redirect(w, r, "/")
}

// redirect is permanent: these URLs are stable and so is where they lead.
func redirect(w http.ResponseWriter, r *http.Request, to string) error {
	http.Redirect(w, r, to, http.StatusMovedPermanently)
	return nil
}
