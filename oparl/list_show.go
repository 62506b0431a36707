package oparl

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
)

// listShow serves one page of an external list: the bodies, a body's list of one
// kind, or an organization's meetings. Pages are cut by a keyset cursor on the
// immutable id (after=<last id>), so a crawl never skips or repeats an object while
// data changes underneath it, and a page costs the same at the end of the list as
// at its start (no OFFSET).
func (s *Server) listShow(ctx context.Context, w http.ResponseWriter, r *http.Request, rt route, q *query) error {
	limit := q.limit
	if limit == 0 {
		limit = s.pageSize
	}
	var bodyID, orgID int64
	switch rt.name {
	case routeBodyList:
		bodyID = rt.id
		if _, err := s.store.FindBodyByID(ctx, bodyID); err != nil {
			return err
		}
	case routeOrgMeetings:
		orgID = rt.id
		if _, err := s.store.FindOrganizationByID(ctx, orgID); err != nil {
			return err
		}
	}
	f := q.listFilter(bodyID)
	c := s.newConv(q)
	out := &listJSON{Pagination: paginationJSON{ElementsPerPage: limit}}
	// The count and the page are independent queries; run them side by side.
	var p *pageData
	err := parallel(
		func() (err error) {
			pf := f
			pf.Limit = limit + 1 // one more than shown tells whether there is a next page
			p, err = s.page(ctx, c, rt.kind, pf, orgID)
			return err
		},
		func() error {
			if orgID != 0 {
				return nil // the store counts per body; an organization's meetings have no count
			}
			cf := f
			cf.AfterID = 0
			// A whole list's total is kept by the store. With a filter the store
			// must count, so it counts no further than filteredCountCap: above
			// that the total is left out, which OParl allows, and a mirror's
			// modified_since poll never waits for a count of a million rows.
			cf.Limit = s.countCap + 1
			total, err := s.store.Count(ctx, rt.kind, cf)
			if err != nil {
				return fmt.Errorf("count %s: %w", rt.kind, err)
			}
			if !cf.Narrowed() || total <= s.countCap {
				out.Pagination.TotalElements = &total
			}
			return nil
		},
	)
	if err != nil {
		return err
	}
	out.Data = p.data
	page := s.urls.base + r.URL.Path // canonical: ServeHTTP redirected every other spelling
	override := map[string]string{}
	if q.limit != 0 {
		override[pLimit] = strconv.Itoa(q.limit) // the clamped value
	}
	out.Links.First = withQuery(page, q.encode(withAfter(override, "")))
	out.Links.Self = withQuery(page, q.encode(override))
	if p.more {
		out.Links.Next = withQuery(page, q.encode(withAfter(override, strconv.FormatInt(p.last, 10))))
	}
	out.Links.Web = s.urls.base + ratsinfo.WebListPath(rt.kind)
	s.writeJSON(w, r, http.StatusOK, out)
	return nil
}

// filteredCountCap is the largest total a filtered list reports.
const filteredCountCap = 10000

// withAfter returns a copy of m with the cursor set, or dropped for after == "".
func withAfter(m map[string]string, after string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	out[pAfter] = after
	return out
}

func withQuery(u, rawQuery string) string {
	if rawQuery == "" {
		return u
	}
	return u + "?" + rawQuery
}
