package api

import (
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
)

// getInquiry answers GET /api/v1/inquiries/{id}.
func (s *Server) getInquiry(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	q, err := s.inquiries.FindInquiry(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s.inquiryJSON(q))
	return nil
}

// maxList bounds one list answer.
const maxList = 1000

// listInquiries answers GET /api/v1/inquiries?state=…&overdue=true&unit=…&faction=…&body=…&limit=….
func (s *Server) listInquiries(w http.ResponseWriter, r *http.Request) error {
	if err := ratsinfo.CheckQuery(r.URL.Query()); err != nil {
		return err
	}
	q := r.URL.Query()
	f := ratsinfo.InquiryFilter{Limit: maxList, Today: s.today()}
	var err error
	if v := q.Get("state"); v != "" {
		if f.State, err = ratsinfo.ParseInquiryState(v); err != nil {
			return err
		}
	}
	switch q.Get("overdue") {
	case "", "false":
	case "true":
		f.Overdue = true
	default:
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Der Parameter „overdue“ kennt nur true oder false.")
	}
	for name, dst := range map[string]*int64{"unit": &f.UnitID, "faction": &f.FactionID, "body": &f.BodyID} {
		if v := q.Get(name); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 {
				return ratsinfo.Errorf(ratsinfo.EINVALID, "Der Parameter „%s“ muss eine positive ganze Zahl sein, nicht %q.", name, v)
			}
			*dst = n
		}
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxList {
			return ratsinfo.Errorf(ratsinfo.EINVALID, "Der Parameter „limit“ muss zwischen 1 und %d liegen.", maxList)
		}
		f.Limit = n
	}
	list, err := s.inquiries.FindInquiries(r.Context(), f)
	if err != nil {
		return err
	}
	out := struct {
		Data []inquiry `json:"data"`
	}{Data: []inquiry{}}
	for _, q := range list {
		out.Data = append(out.Data, s.inquiryJSON(q))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// listInquiryEvents answers GET /api/v1/inquiries/{id}/events.
func (s *Server) listInquiryEvents(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	events, err := s.inquiries.InquiryEvents(r.Context(), id)
	if err != nil {
		return err
	}
	out := struct {
		Data []event `json:"data"`
	}{Data: []event{}}
	for _, e := range events {
		out.Data = append(out.Data, event{At: e.At, Action: e.Action, From: string(e.From), To: string(e.To), Actor: e.ActorID, Note: e.Note})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
