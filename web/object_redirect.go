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
	it, err := s.store.FindAgendaItemByID(r.Context(), id)
	if it, err = findLive(it, err, func(a *ratsinfo.AgendaItem) bool { return a.Deleted }, ratsinfo.KindAgendaItem, id); err != nil {
		return err
	}
	return redirect(w, r, ratsinfo.WebPath(ratsinfo.KindMeeting, it.MeetingID)+"#top-"+strconv.FormatInt(id, 10))
}

func (s *Server) consultationRedirect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	c, err := s.store.FindConsultationByID(r.Context(), id)
	if c, err = findLive(c, err, func(c *ratsinfo.Consultation) bool { return c.Deleted }, ratsinfo.KindConsultation, id); err != nil {
		return err
	}
	return redirect(w, r, ratsinfo.WebPath(ratsinfo.KindPaper, c.PaperID)+"#beratung-"+strconv.FormatInt(id, 10))
}

func (s *Server) membershipRedirect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	m, err := s.store.FindMembershipByID(r.Context(), id)
	if m, err = findLive(m, err, func(m *ratsinfo.Membership) bool { return m.Deleted }, ratsinfo.KindMembership, id); err != nil {
		return err
	}
	return redirect(w, r, ratsinfo.WebPath(ratsinfo.KindPerson, m.PersonID)+"#mitgliedschaften")
}

func (s *Server) legislativeTermRedirect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	t, err := s.store.FindLegislativeTermByID(r.Context(), id)
	if t, err = findLive(t, err, func(t *ratsinfo.LegislativeTerm) bool { return t.Deleted }, ratsinfo.KindLegislativeTerm, id); err != nil {
		return err
	}
	// Papers of the term: the list filtered to its dates.
	return redirect(w, r, "/vorlagen?von="+t.StartDate.String()+"&bis="+t.EndDate.String())
}

func (s *Server) bodyRedirect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	b, err := s.store.FindBodyByID(r.Context(), id)
	if _, err = findLive(b, err, func(b *ratsinfo.Body) bool { return b.Deleted }, ratsinfo.KindBody, id); err != nil {
		return err
	}
	return redirect(w, r, "/")
}

// redirect is permanent: these URLs are stable and so is where they lead.
func redirect(w http.ResponseWriter, r *http.Request, to string) error {
	http.Redirect(w, r, to, http.StatusMovedPermanently)
	return nil
}
