// The preview page's script. The page is loaded once; every new rendering arrives over the
// QWebChannel as an edit of the document's top-level blocks (only those that changed), patched
// into the DOM in place, so scroll position, selection and loaded images stay. Nothing from the
// post runs here: the page's Content Security Policy allows scripts from our own scheme only, and
// the HTML is parsed in an inert <template> first.
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
    // The document's top-level blocks: the nodes of each (usually one element and a line break)
    // and the file line it starts on. Lines in a block's data-sourcepos count from that line.
    let blockNodes = [];
    let blockFirstLines = [];
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

    // The renderer writes math as pandoc does: <span class="math inline">\(…\)</span> and
    // <span class="math display">\[…\]</span>, the TeX untouched by Markdown.
    const mathUnits = 'p, li, td, th, h1, h2, h3, h4, h5, h6, dd, dt';

    function typesetMath(unit) {
        if (!mathEnabled || !window.katex)
            return;
        const spans = Array.from(unit.querySelectorAll('span.math')).filter(function (span) {
            return span.closest(mathUnits) === unit; // a nested unit typesets its own
        });
        if (spans.length === 0)
            return;
        unprocessed.set(unit, unit.cloneNode(true));
        for (const span of spans) {
            const tex = span.textContent.slice(2, -2); // without \( \) or \[ \]
            katex.render(tex, span, {displayMode: span.classList.contains('display'),
                                     throwOnError: false});
        }
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

    // --- Patching ---------------------------------------------------------------------------

    function parseBlock(html, postBase, siteBase) {
        // A template's content is inert: nothing in it loads or runs while we prepare it.
        const template = document.createElement('template');
        template.innerHTML = html;
        resolveResources(template.content, postBase, siteBase);
        return Array.from(template.content.childNodes);
    }

    function sameShape(oldNodes, newNodes) {
        return oldNodes.length === newNodes.length && oldNodes.every(function (node, i) {
            return node.nodeType === newNodes[i].nodeType && node.nodeName === newNodes[i].nodeName;
        });
    }

    // An edited block keeps its element (and the images in it that did not change): morphdom
    // patches the old nodes into the new ones.
    function morphBlock(oldNodes, newNodes, changed) {
        oldNodes.forEach(function (from, i) {
            const to = newNodes[i];
            if (from.nodeType !== Node.ELEMENT_NODE) {
                if (from.nodeValue !== to.nodeValue)
                    from.nodeValue = to.nodeValue;
                return;
            }
            morphdom(from, to, {
                onBeforeElUpdated: function (fromElement, toElement) {
                    const original = unprocessed.get(fromElement);
                    if (original) {
                        if (original.isEqualNode(toElement))
                            return false; // unchanged: keep the highlighted or typeset element
                        unprocessed.delete(fromElement);
                        changed.add(fromElement);
                        return true;
                    }
                    return !fromElement.isEqualNode(toElement);
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
        });
    }

    // list with `removed` items at `index` replaced by `items` (splice(...items) is limited by
    // the number of arguments a call may have: a first rendering can have more blocks).
    function replaced(list, index, removed, items) {
        return list.slice(0, index).concat(items, list.slice(index + removed));
    }

    // The node the blocks from `index` on start with (null: the end of the document).
    function firstNodeFrom(index) {
        for (let i = index; i < blockNodes.length; ++i) {
            if (blockNodes[i].length > 0)
                return blockNodes[i][0];
        }
        return null;
    }

    // edit (BlockEdit in editor/preview/blockedit.h): replace `removed` blocks at `index` with
    // the blocks in `html`, starting on `firstLines`; the blocks after them move by `lineShift`.
    function applyEdit(edit, postBase, siteBase) {
        if (edit.index < 0 || edit.index + edit.removed > blockNodes.length)
            throw new Error('preview: an edit for blocks this page does not have');
        const fresh = edit.html.map(function (html) { return parseBlock(html, postBase, siteBase); });
        const old = blockNodes.slice(edit.index, edit.index + edit.removed);
        const after = firstNodeFrom(edit.index + edit.removed);
        const changed = new Set();
        const placed = fresh.map(function (nodes, i) {
            if (i < old.length && sameShape(old[i], nodes)) {
                morphBlock(old[i], nodes, changed);
                const kept = old[i];
                old[i] = null;
                return kept;
            }
            return nodes;
        });
        for (const nodes of old) {
            if (nodes)
                nodes.forEach(function (node) { node.remove(); });
        }
        // From the last block to the first, each new one goes before the block that follows it.
        let before = after;
        for (let i = placed.length - 1; i >= 0; --i) {
            const nodes = placed[i];
            if (nodes.length > 0 && !nodes[0].isConnected) {
                for (const node of nodes) {
                    content.insertBefore(node, before);
                    if (node.nodeType === Node.ELEMENT_NODE)
                        changed.add(node);
                }
            }
            if (nodes.length > 0)
                before = nodes[0];
        }
        blockNodes = replaced(blockNodes, edit.index, edit.removed, placed);
        blockFirstLines = replaced(blockFirstLines, edit.index, edit.removed, edit.firstLines);
        if (edit.lineShift !== 0) {
            for (let i = edit.index + placed.length; i < blockFirstLines.length; ++i)
                blockFirstLines[i] += edit.lineShift;
        }
        processChanged(changed);
        sourceBlocks = null;
    }

    // The content with its source lines counted in the file, as `postwright-cli render` prints
    // it (tests compare the two).
    window.pwContentInFileLines = function () {
        const fragment = document.createDocumentFragment();
        blockNodes.forEach(function (nodes, i) {
            const offset = blockFirstLines[i] - 1;
            for (const node of nodes) {
                const copy = node.cloneNode(true);
                if (copy.nodeType === Node.ELEMENT_NODE) {
                    const positioned = Array.from(copy.querySelectorAll('[data-sourcepos]'));
                    if (copy.hasAttribute('data-sourcepos'))
                        positioned.push(copy);
                    for (const element of positioned) {
                        element.setAttribute('data-sourcepos', element.getAttribute('data-sourcepos')
                            .replace(/^(\d+)(:\d+-)(\d+)/, function (all, first, middle, last) {
                                return (+first + offset) + middle + (+last + offset);
                            }));
                    }
                }
                fragment.appendChild(copy);
            }
        });
        return fragment;
    };

    function clearContent() {
        content.replaceChildren();
        blockNodes = [];
        blockFirstLines = [];
        sourceBlocks = null;
    }

    // --- Scroll sync by source line ----------------------------------------------------------

    // Every element with a source position, its lines counted in the file.
    function blocks() {
        if (sourceBlocks)
            return sourceBlocks;
        sourceBlocks = [];
        const add = function (element, offset) {
            const match = /^(\d+):\d+-(\d+):\d+$/.exec(element.getAttribute('data-sourcepos'));
            if (match)
                sourceBlocks.push({element: element, first: +match[1] + offset,
                                   last: +match[2] + offset});
        };
        blockNodes.forEach(function (nodes, i) {
            const offset = blockFirstLines[i] - 1;
            for (const node of nodes) {
                if (node.nodeType !== Node.ELEMENT_NODE)
                    continue;
                if (node.hasAttribute('data-sourcepos'))
                    add(node, offset);
                for (const element of node.querySelectorAll('[data-sourcepos]'))
                    add(element, offset);
            }
        });
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
            clearContent(); // the host sends the text again, to typeset or not
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
        bridge.contentChanged.connect(function (edit, generation, postBase, siteBase) {
            const start = performance.now();
            try {
                applyEdit(edit, postBase, siteBase);
            } catch (error) {
                // The page no longer has what the host thinks (it should not happen): start
                // again from nothing, once; a failure from nothing is only reported.
                console.error('preview: ' + error);
                if (blockNodes.length > 0 || edit.removed > 0) {
                    clearContent();
                    bridge.contentLost();
                }
            } finally {
                window.pwLastPatchMs = performance.now() - start; // for bench/preview
                bridge.contentPatched(generation); // the host sends nothing new until this comes
            }
        });
        bridge.scrollRequested.connect(scrollToLine);
        bridge.appearanceChanged.connect(applyAppearance);
        bridge.pauseChanged.connect(showPaused);
        bridge.pageReady();
    });
})();
