"""Pages of the directory: public pages in `public`, members' own pages in `members`."""
