// The preview page's script. The page is loaded once; every new rendering arrives over the
// QWebChannel and is patched into the DOM in place (morphdom), so scroll position, selection and
// loaded images stay. Nothing from the post runs here: the page's Content Security Policy allows
// scripts from our own scheme only, and the HTML is parsed in an inert <template> first.
'use strict';

(function () {
    const content = document.getElementById('pw-content');
    const notice = document.getElementById('pw-notice');
    const noticeText = document.getElementById('pw-notice-text');
    let bridge = null;
    let mathEnabled = false;
    // Elements we changed after patching (highlighted code, typeset math) -> the element as the
    // renderer wrote it, so the next patch compares against what the renderer would write.
    const unprocessed = new WeakMap();
    let sourceBlocks = null; // [{element, first, last}] in document order, rebuilt after a patch
    let ignoreScrollUntil = 0;

    // --- Resources resolve as the site serves them -------------------------------------------

    const resourceAttributes = [
        ['img', 'src'], ['img', 'srcset'], ['source', 'src'], ['source', 'srcset'],
        ['video', 'src'], ['video', 'poster'], ['audio', 'src'], ['track', 'src'],
    ];

    function hasScheme(url) {
        return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url);
    }

    // "x.png" -> next to the post (page bundles), "/images/x.png" -> the site's static folder.
    function resolveResource(url, postBase, siteBase) {
        const trimmed = url.trim();
        if (trimmed === '' || hasScheme(trimmed) || trimmed.startsWith('//'))
            return trimmed; // remote (blocked unless allowed) or data: (checked by the sanitizer)
        const base = trimmed.startsWith('/') ? siteBase : postBase;
        if (!base)
            return trimmed; // no post or site yet: it resolves against the page, to nothing
        return new URL(trimmed.startsWith('/') ? trimmed.slice(1) : trimmed, base).href;
    }

    function resolveSrcset(value, postBase, siteBase) {
        return value.split(',').map(function (candidate) {
            const parts = candidate.trim().split(/\s+/);
            parts[0] = resolveResource(parts[0], postBase, siteBase);
            return parts.join(' ');
        }).join(', ');
    }

    function resolveResources(root, postBase, siteBase) {
        for (const [tag, attribute] of resourceAttributes) {
            for (const element of root.querySelectorAll(tag + '[' + attribute + ']')) {
                const value = element.getAttribute(attribute);
                element.setAttribute(attribute, attribute === 'srcset'
                    ? resolveSrcset(value, postBase, siteBase)
                    : resolveResource(value, postBase, siteBase));
            }
        }
    }

    // --- Code highlighting and math, only where something changed ----------------------------

    function sameApartFromSourcepos(original, incoming) {
        const copy = original.cloneNode(true);
        if (incoming.hasAttribute('data-sourcepos'))
            copy.setAttribute('data-sourcepos', incoming.getAttribute('data-sourcepos'));
        return copy.isEqualNode(incoming);
    }

    function highlight(pre) {
        const code = pre.firstElementChild;
        if (unprocessed.has(pre) || !code || code.tagName !== 'CODE' || !window.hljs)
            return;
        const language = /(?:^|\s)language-([\w+#.-]+)/.exec(code.className);
        if (!language || !hljs.getLanguage(language[1]))
            return; // guessing a language is slow on big blocks and often wrong
        unprocessed.set(pre, pre.cloneNode(true));
        hljs.highlightElement(code);
    }

    const mathPattern = /\$\$|\\\(|\\\[/;
    const mathUnits = 'p, li, td, th, h1, h2, h3, h4, h5, h6, dd, dt';

    function typesetMath(element) {
        if (!mathEnabled || !window.renderMathInElement || !mathPattern.test(element.textContent))
            return;
        unprocessed.set(element, element.cloneNode(true));
        renderMathInElement(element, {
            delimiters: [
                {left: '$$', right: '$$', display: true},
                {left: '\\[', right: '\\]', display: true},
                {left: '\\(', right: '\\)', display: false},
            ],
            throwOnError: false,
            ignoredTags: ['script', 'noscript', 'style', 'textarea', 'pre', 'code'],
        });
    }

    // cmark-gfm marks no task-list item; the stylesheet needs to know which items are tasks.
    function markTaskItems(element) {
        const items = element.tagName === 'LI' ? [element] : element.querySelectorAll('li');
        for (const item of items) {
            const first = item.firstElementChild;
            item.classList.toggle('task-list-item',
                                  !!first && first.matches('input[type=checkbox]'));
        }
    }

    function processChanged(elements) {
        for (const element of elements) {
            if (!element.isConnected)
                continue;
            markTaskItems(element);
            const pres = element.tagName === 'PRE' ? [element] : element.querySelectorAll('pre');
            for (const pre of pres)
                highlight(pre);
            if (!mathEnabled)
                continue;
            if (element.matches(mathUnits))
                typesetMath(element);
            for (const unit of element.querySelectorAll(mathUnits))
                typesetMath(unit);
        }
    }

    // --- Patching ----------------------------------------------------------------------------

    function patch(html, postBase, siteBase) {
        // A template's content is inert: nothing in it loads or runs while we prepare it.
        const template = document.createElement('template');
        template.innerHTML = html;
        resolveResources(template.content, postBase, siteBase);
        const incoming = template.content.ownerDocument.createElement('article');
        incoming.appendChild(template.content);

        const changed = new Set();
        morphdom(content, incoming, {
            childrenOnly: true,
            onBeforeElUpdated: function (from, to) {
                const original = unprocessed.get(from);
                if (original) {
                    if (sameApartFromSourcepos(original, to)) {
                        if (to.hasAttribute('data-sourcepos'))
                            from.setAttribute('data-sourcepos', to.getAttribute('data-sourcepos'));
                        return false; // unchanged: keep the highlighted or typeset element
                    }
                    unprocessed.delete(from);
                    changed.add(from);
                    return true;
                }
                return !from.isEqualNode(to);
            },
            onElUpdated: function (element) {
                changed.add(element);
            },
            onNodeAdded: function (node) {
                if (node.nodeType === Node.ELEMENT_NODE)
                    changed.add(node);
                else if (node.parentElement)
                    changed.add(node.parentElement);
                return node;
            },
        });
        processChanged(changed);
        sourceBlocks = null;
    }

    // --- Scroll sync by source line ----------------------------------------------------------

    function blocks() {
        if (sourceBlocks)
            return sourceBlocks;
        sourceBlocks = [];
        for (const element of content.querySelectorAll('[data-sourcepos]')) {
            const match = /^(\d+):\d+-(\d+):\d+$/.exec(element.getAttribute('data-sourcepos'));
            if (match)
                sourceBlocks.push({element: element, first: +match[1], last: +match[2]});
        }
        return sourceBlocks;
    }

    function documentTop(element) {
        return element.getBoundingClientRect().top + window.scrollY;
    }

    // The last block starting at or before `line` (blocks are in source order).
    function blockIndexForLine(list, line) {
        let low = 0, high = list.length - 1, found = -1;
        while (low <= high) {
            const middle = (low + high) >> 1;
            if (list[middle].first <= line) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    function scrollToLine(line) {
        const list = blocks();
        const index = blockIndexForLine(list, line);
        let y = 0;
        if (index >= 0) {
            const block = list[index];
            const rect = block.element.getBoundingClientRect();
            const top = rect.top + window.scrollY;
            if (line <= block.last) {
                y = top + rect.height * (line - block.first) / (block.last - block.first + 1);
            } else {
                // Between blocks (blank lines): move proportionally towards the next block.
                const next = list[index + 1];
                const bottom = top + rect.height;
                y = next ? bottom + (documentTop(next.element) - bottom)
                               * (line - block.last) / Math.max(1, next.first - block.last)
                         : bottom;
            }
        }
        ignoreScrollUntil = performance.now() + 150;
        window.scrollTo(0, Math.max(0, y - 4));
    }

    // The source line at the top of the view, for the editor to follow.
    function lineAtTop() {
        const list = blocks();
        const y = window.scrollY + 4;
        let low = 0, high = list.length - 1, found = -1;
        while (low <= high) {
            const middle = (low + high) >> 1;
            if (documentTop(list[middle].element) <= y) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0)
            return 1;
        const block = list[found];
        const rect = block.element.getBoundingClientRect();
        const fraction = rect.height > 0
            ? Math.min(1, Math.max(0, (y - (rect.top + window.scrollY)) / rect.height)) : 0;
        return block.first + Math.floor(fraction * (block.last - block.first + 1));
    }

    let scrollFramePending = false;
    window.addEventListener('scroll', function () {
        if (performance.now() < ignoreScrollUntil || scrollFramePending || !bridge)
            return;
        scrollFramePending = true;
        requestAnimationFrame(function () {
            scrollFramePending = false;
            bridge.userScrolled(lineAtTop());
        });
    }, {passive: true});

    // --- Links inside the post: footnotes and anchors stay here; the host decides the rest ---

    document.addEventListener('click', function (event) {
        const link = event.target.closest && event.target.closest('a[href]');
        if (!link)
            return;
        event.preventDefault(); // the page itself never navigates
        const href = link.getAttribute('href');
        if (href.startsWith('#')) {
            const target = document.getElementById(decodeURIComponent(href.slice(1)));
            if (target)
                target.scrollIntoView({block: 'start'});
        } else if (bridge) {
            bridge.linkClicked(link.href);
        }
    }, true);

    // --- Appearance and the paused notice ----------------------------------------------------

    function applyAppearance(dark, customStyleUrl, math) {
        document.documentElement.classList.toggle('pw-dark', dark);
        document.getElementById('pw-code-light').disabled = dark;
        document.getElementById('pw-code-dark').disabled = !dark;
        const custom = document.getElementById('pw-custom-style');
        if (customStyleUrl)
            custom.setAttribute('href', customStyleUrl);
        else
            custom.removeAttribute('href');
        document.getElementById('pw-default-style').disabled = !!customStyleUrl;
        if (math !== mathEnabled)
            content.replaceChildren(); // the host sends the text again, to typeset or not
        mathEnabled = math;
    }

    function showPaused(paused, message) {
        noticeText.textContent = message;
        notice.hidden = !paused;
    }

    document.getElementById('pw-resume').addEventListener('click', function () {
        if (bridge)
            bridge.resumeRequested();
    });

    new QWebChannel(qt.webChannelTransport, function (channel) {
        bridge = channel.objects.bridge;
        bridge.contentChanged.connect(function (html, generation, postBase, siteBase) {
            try {
                patch(html, postBase, siteBase);
            } finally {
                bridge.contentPatched(generation); // the host sends nothing new until this comes
            }
        });
        bridge.scrollRequested.connect(scrollToLine);
        bridge.appearanceChanged.connect(applyAppearance);
        bridge.pauseChanged.connect(showPaused);
        bridge.pageReady();
    });
})();
