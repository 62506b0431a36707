module github.com/ratsinfo/ratsinfo

go 1.26.8
