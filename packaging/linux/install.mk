
# Added by Pagekeeper's packaging/package.sh to the Makefile Fyne's tool
# writes: install the AppStream metainfo file (software centres read it)
# beside the program, its menu entry and its icon.
METAINFO := $(firstword $(wildcard usr/local/share/metainfo/*.metainfo.xml usr/share/metainfo/*.metainfo.xml))
METAINFO_NAME := $(notdir $(METAINFO))

install: install-metainfo
uninstall: uninstall-metainfo
user-install: user-install-metainfo
user-uninstall: user-uninstall-metainfo

install-metainfo:
	install -Dm00644 $(METAINFO) $(DESTDIR)$(PREFIX)/share/metainfo/$(METAINFO_NAME)
uninstall-metainfo:
	-rm $(DESTDIR)$(PREFIX)/share/metainfo/$(METAINFO_NAME)
user-install-metainfo:
	install -Dm00644 $(METAINFO) $(DESTDIR)$(HOME)/.local/share/metainfo/$(METAINFO_NAME)
user-uninstall-metainfo:
	-rm $(DESTDIR)$(HOME)/.local/share/metainfo/$(METAINFO_NAME)

.PHONY: default install uninstall user-install user-uninstall install-metainfo uninstall-metainfo user-install-metainfo user-uninstall-metainfo
