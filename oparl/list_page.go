package oparl

import (
	"context"
	"fmt"

	"github.com/ratsinfo/ratsinfo"
)

// pageData is one converted list page.
type pageData struct {
	data []any
	last int64 // id of the last object, the cursor of the next page
	more bool
}

// page fetches and converts one page of kind k. f.Limit is the page size plus one.
func (s *Server) page(ctx context.Context, c *conv, k ratsinfo.Kind, f ratsinfo.ListFilter, orgID int64) (*pageData, error) {
	ks, ok := kinds[k]
	if !ok {
		return nil, ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Für %s gibt es keine Liste.", k.GermanName())
	}
	p, err := ks.page(ctx, s, c, f, orgID)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", k, err)
	}
	return p, nil
}
