/* Resursguiden chat widget. Source: widget/src. Built by widget/build.mjs. */
"use strict";(()=>{var G="https://www.smhi.se/",Y="#1f5f52";function z(r){let e=r?r.dataset:{};return{serverUrl:O(e.serverUrl,location.origin).replace(/\/+$/,""),title:(e.title||"").trim().slice(0,60)||"Resursguiden",exitUrl:O(e.exitUrl,G),color:Q(e.color,Y),startOpen:e.open==="true"}}function O(r,e){if(!r)return e;try{let t=new URL(r,location.href);return t.protocol==="https:"||t.protocol==="http:"?t.href:e}catch{return e}}function Q(r,e){return r&&/^#[0-9a-f]{6}$/i.test(r.trim())?r.trim():e}function D(r){let e=n=>{let a=parseInt(r.slice(n,n+2),16)/255;return a<=.03928?a/12.92:Math.pow((a+.055)/1.055,2.4)},t=.2126*e(1)+.7152*e(3)+.0722*e(5),s=1.05/(t+.05),i=(t+.05)/.05;return s>=i?"#ffffff":"#0b0c0c"}var ee=new Uint32Array([1116352408,1899447441,3049323471,3921009573,961987163,1508970993,2453635748,2870763221,3624381080,310598401,607225278,1426881987,1925078388,2162078206,2614888103,3248222580,3835390401,4022224774,264347078,604807628,770255983,1249150122,1555081692,1996064986,2554220882,2821834349,2952996808,3210313671,3336571891,3584528711,113926993,338241895,666307205,773529912,1294757372,1396182291,1695183700,1986661051,2177026350,2456956037,2730485921,2820302411,3259730800,3345764771,3516065817,3600352804,4094571909,275423344,430227734,506948616,659060556,883997877,958139571,1322822218,1537002063,1747873779,1955562222,2024104815,2227730452,2361852424,2428436474,2756734187,3204031479,3329325298]),g=(r,e)=>r>>>e|r<<32-e;function j(r){let e=new TextEncoder().encode(r),t=new Uint8Array(e.length+9+63>>6<<6);t.set(e),t[e.length]=128;let s=new DataView(t.buffer);s.setUint32(t.length-4,e.length*8);let i=new Uint32Array([1779033703,3144134277,1013904242,2773480762,1359893119,2600822924,528734635,1541459225]),n=new Uint32Array(64);for(let a=0;a<t.length;a+=64){for(let c=0;c<16;c++)n[c]=s.getUint32(a+4*c);for(let c=16;c<64;c++){let x=g(n[c-15],7)^g(n[c-15],18)^n[c-15]>>>3,v=g(n[c-2],17)^g(n[c-2],19)^n[c-2]>>>10;n[c]=n[c-16]+x+n[c-7]+v}let[d,l,f,h,u,p,b,y]=i;for(let c=0;c<64;c++){let x=y+(g(u,6)^g(u,11)^g(u,25))+(u&p^~u&b)+ee[c]+n[c]|0,v=(g(d,2)^g(d,13)^g(d,22))+(d&l^d&f^l&f)|0;y=b,b=p,p=u,u=h+x|0,h=f,f=l,l=d,d=x+v|0}i[0]+=d,i[1]+=l,i[2]+=f,i[3]+=h,i[4]+=u,i[5]+=p,i[6]+=b,i[7]+=y}return Array.from(i,a=>a.toString(16).padStart(8,"0")).join("")}var E="resursguiden";function T(){let r=new Uint8Array(16);return crypto.getRandomValues(r),Array.from(r,e=>e.toString(16).padStart(2,"0")).join("")}function I(){let r=T();return{id:N(r),secret:r,messages:[]}}function N(r){return j(r).slice(0,32)}function P(){try{let r=sessionStorage.getItem(E);if(!r)return null;let e=JSON.parse(r);if(te(e))return e;sessionStorage.removeItem(E)}catch{}return null}function S(r){try{sessionStorage.setItem(E,JSON.stringify(r))}catch{}}function M(){try{sessionStorage.removeItem(E)}catch{}}function te(r){let e=r;return typeof e=="object"&&e!==null&&typeof e.secret=="string"&&/^[0-9a-f]{32}$/.test(e.secret)&&e.id===N(e.secret)&&Array.isArray(e.messages)&&e.messages.every(t=>(t.from==="user"||t.from==="bot")&&typeof t.text=="string")}function $(r,e){document.documentElement.style.setProperty("visibility","hidden","important"),document.title="",e(),location.replace(r)}function W(r,e){let t=null,s=0,i=!1,n,a=()=>{t=null,s=0,clearTimeout(n)};document.addEventListener("keyup",d=>{let l=d.key==="Escape"||d.key==="Shift"&&!i;if(i=d.shiftKey,!l){a();return}t!==d.key&&a(),t=d.key,s+=1;let f=d.key==="Escape"?2:3;if(s>=f){a(),r();return}e(d.key,f-s),clearTimeout(n),n=setTimeout(a,5e3)},!0)}var K=`
:host { all: initial; }
* { box-sizing: border-box; }
.rg {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: max(1rem, 16px);
  line-height: 1.5;
  color: #0b0c0c;
}
[hidden] { display: none !important; }
button, textarea { font: inherit; color: inherit; }
a { color: #0a4a85; text-decoration: underline; text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

.exit {
  position: fixed; top: 0.5rem; right: 0.5rem; z-index: 2147483647;
  min-height: 2.75rem; padding: 0.4rem 0.9rem; border: 2px solid #ffffff; border-radius: 0.4rem;
  background: #b3261e; color: #ffffff; font-weight: 700; cursor: pointer;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.35);
}
.exit:hover { background: #8c1d17; }

.dock {
  position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483646;
  display: flex; flex-direction: column; align-items: flex-end; gap: 0.5rem;
  max-width: calc(100vw - 2rem);
}
.launcher {
  min-height: 3rem; padding: 0.6rem 1.1rem; border: 0; border-radius: 1.5rem;
  background: var(--rg-color); color: var(--rg-on-color); font-weight: 700; cursor: pointer;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3);
}
.safety-mini {
  margin: 0; padding: 0.25rem 0.75rem; border-radius: 1rem;
  background: #ffffff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); font-size: 0.9em;
}
.safety-mini a, .safety a { font-weight: 700; color: #8c1d17; }

.panel {
  display: flex; flex-direction: column;
  width: 24rem; max-width: calc(100vw - 2rem);
  height: 38rem; max-height: calc(100vh - 5.5rem);
  background: #ffffff; border: 1px solid #6f777b; border-radius: 0.75rem; overflow: hidden;
  box-shadow: 0 4px 18px rgba(0, 0, 0, 0.3);
}
.header {
  display: flex; align-items: center; justify-content: space-between; gap: 0.5rem;
  padding: 0.5rem 0.5rem 0.5rem 1rem; background: var(--rg-color); color: var(--rg-on-color);
}
.header h2 { margin: 0; font-size: 1.1em; }
.close {
  min-width: 2.75rem; min-height: 2.75rem; padding: 0 0.6rem;
  border: 2px solid currentColor; border-radius: 0.4rem; background: transparent; cursor: pointer;
  color: var(--rg-on-color);
}
.safety { margin: 0; padding: 0.4rem 1rem; background: #fdf2f1; border-bottom: 1px solid #e5c4c1; }

.log { flex: 1; overflow-y: auto; padding: 0.75rem; display: flex; flex-direction: column; gap: 0.5rem; }
.msg { max-width: 85%; padding: 0.5rem 0.75rem; border-radius: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.bot { align-self: flex-start; background: #eef1f3; }
.msg.user { align-self: flex-end; background: var(--rg-color); color: var(--rg-on-color); }
.msg.user a { color: inherit; }
.msg .who { display: block; font-size: 0.8em; font-weight: 700; }
.msg .note { display: block; font-size: 0.85em; font-style: italic; }
.choices { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.choices button {
  min-height: 2.75rem; padding: 0.4rem 0.9rem; border: 2px solid var(--rg-color); border-radius: 1.4rem;
  background: #ffffff; color: #0b0c0c; cursor: pointer;
}
.choices button:hover { background: #eef1f3; }

.typing { margin: 0 0.75rem 0.5rem; display: flex; align-items: center; gap: 0.5rem; color: #3d4347; }
.dots span {
  display: inline-block; width: 0.45rem; height: 0.45rem; margin-right: 0.2rem; border-radius: 50%;
  background: #505a5f; animation: rg-blink 1.2s infinite ease-in-out both;
}
.dots span:nth-child(2) { animation-delay: 0.2s; }
.dots span:nth-child(3) { animation-delay: 0.4s; }
@keyframes rg-blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }

.problem {
  margin: 0 0.75rem 0.5rem; padding: 0.5rem 0.75rem; border: 2px solid #b3261e; border-radius: 0.5rem;
  background: #fdf2f1;
}
.problem p { margin: 0 0 0.4rem; }
.problem button, .send {
  min-height: 2.75rem; padding: 0.4rem 1rem; border: 0; border-radius: 0.4rem;
  background: var(--rg-color); color: var(--rg-on-color); font-weight: 700; cursor: pointer;
}

.form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem; padding: 0.5rem 0.75rem; border-top: 1px solid #b1b4b6; }
.form label { flex-basis: 100%; font-size: 0.9em; }
.form textarea {
  flex: 1; min-width: 0; min-height: 2.75rem; max-height: 8rem; padding: 0.5rem;
  border: 2px solid #505a5f; border-radius: 0.4rem; resize: none; background: #ffffff;
}
.tools { padding: 0 0.75rem; font-size: 0.9em; }
.erase {
  min-height: 2.75rem; padding: 0 0.25rem; border: 0; background: transparent; cursor: pointer;
  color: #0a4a85; text-decoration: underline; text-underline-offset: 0.15em;
}
.confirm { margin: 0.25rem 0 0.5rem; padding: 0.5rem; border: 2px solid #6f777b; border-radius: 0.5rem; }
.confirm p { margin: 0 0 0.4rem; }
.confirm button {
  min-height: 2.75rem; margin-right: 0.5rem; padding: 0.4rem 0.9rem; border: 2px solid #0b0c0c;
  border-radius: 0.4rem; background: #ffffff; cursor: pointer;
}
.status { margin: 0; }
.status:empty { display: none; }
.about { padding: 0 0.75rem 0.5rem; font-size: 0.9em; }
.about summary { cursor: pointer; min-height: 1.75rem; text-decoration: underline; color: #0a4a85; }
.about p { margin: 0.4rem 0; }

/* Phones, and large zoom: the chat takes the whole screen below the exit button. */
@media (max-width: 36rem), (max-height: 32rem) {
  .dock { right: 0.5rem; bottom: 0.5rem; max-width: calc(100vw - 1rem); }
  .dock.open { inset: 0; max-width: none; padding-top: 3.5rem; background: #ffffff; }
  .dock.open .panel { width: 100%; max-width: none; height: 100%; max-height: none; border-radius: 0; border: 0; box-shadow: none; }
}

@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
`;var re=new RegExp([/\[([^\]\n]{1,200})\]\(([^()\s]{1,500})\)/.source,/(https?:\/\/[^\s<>()"]+[^\s<>()".,;:!?])/.source,/([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/.source,/((?:\+46|\b0)\d{1,3}(?:[ -]?\d{2,4}){2,4}|\b112\b)(?![\d-])/.source,/\*\*([^*\n]{1,200})\*\*/.source].join("|"),"g");function F(r){return"tel:"+r.replace(/[^\d+]/g,"")}function _(r){if(/^tel:\+?[\d\s-]{2,20}$/i.test(r))return F(r.slice(4));if(/^mailto:[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/i.test(r))return r;if(/^https?:\/\//i.test(r))try{let e=new URL(r);return e.protocol==="https:"||e.protocol==="http:"?e.href:null}catch{return null}return null}function A(r){let e=document.createDocumentFragment(),t=0;for(let s of r.matchAll(re)){let i=s.index??0;i>t&&e.append(r.slice(t,i));let[n,a,d,l,f,h,u]=s;if(a!==void 0){let p=_(d);e.append(p?C(a,p):n)}else if(l!==void 0)e.append(C(l,_(l)??""));else if(f!==void 0)e.append(C(f,"mailto:"+f));else if(h!==void 0){let p=h.replace(/\D/g,""),b=p==="112"||p.length>=(h.startsWith("+")?10:8);e.append(b?C(h,F(h)):h)}else if(u!==void 0){let p=document.createElement("strong");p.append(A(u)),e.append(p)}t=i+n.length}return t<r.length&&e.append(r.slice(t)),e}function C(r,e){if(!e)return document.createTextNode(r);let t=document.createElement("a");return t.textContent=r,t.href=e,/^https?:/.test(e)&&(t.target="_blank",t.rel="noopener noreferrer"),t}var k=class extends Error{},w=class extends Error{constructor(t){super(t);this.text=t}},ne=3e4;async function J(r,e,t,s,i){let n=new AbortController,a=setTimeout(()=>n.abort(),ne),d=()=>n.abort();i.addEventListener("abort",d);try{let l=await fetch(r+"/webhooks/rest/webhook",{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify({sender:e,message:t,message_id:s}),credentials:"omit",cache:"no-store",referrerPolicy:"no-referrer",signal:n.signal});if(l.status>=400&&l.status<500)throw new w(await oe(l));if(!l.ok)throw new k(`HTTP ${l.status}`);return ie(await l.json())}catch(l){throw l instanceof w||l instanceof k?l:new k(String(l))}finally{clearTimeout(a),i.removeEventListener("abort",d)}}async function oe(r){try{let e=await r.json();if(typeof e?.text=="string"&&e.text.length<300)return e.text}catch{}return"Chatten kunde inte ta emot meddelandet. Försök igen om en stund."}async function H(r,e){try{let t=await fetch(r+"/webhooks/rest/forget",{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify({secret:e}),credentials:"omit",cache:"no-store",referrerPolicy:"no-referrer",keepalive:!0});return t.ok&&(await t.json())?.deleted===!0}catch{return!1}}function ie(r){if(!Array.isArray(r))throw new k("not a list of replies");let e=[];for(let t of r){if(typeof t!="object"||t===null)continue;let s=typeof t.text=="string"?t.text:"",i=Array.isArray(t.buttons)?t.buttons.filter(n=>n&&typeof n.title=="string"&&typeof n.payload=="string").map(n=>({title:n.title,payload:n.payload})):[];(s||i.length)&&e.push({text:s,buttons:i})}return e}var Z=2e3,V="Det gick inte att nå chatten just nu. Ditt meddelande finns kvar och skickas när du trycker på Försök igen.",se="Hej! Här kan du fråga var du kan få stöd vid hedersrelaterat våld och förtryck. Skriv med egna ord vad det gäller. Du behöver inte säga vem du är.",ae=["Knappen Lämna sidan snabbt döljer sidan direkt och öppnar en vädersajt i samma flik. Du kan också trycka Esc två gånger eller Shift tre gånger.","Chatten tas bort från den här fliken, och Tillbaka-knappen leder inte hit.","Det som inte försvinner: sidan kan fortfarande synas i webbläsarens historik. Använd privat läge (inkognito) så sparas ingen historik. På en delad dator eller telefon: stäng fliken när du är klar."];function o(r,e={},t=""){let s=document.createElement(r);for(let[i,n]of Object.entries(e))s.setAttribute(i,n);return t&&(s.textContent=t),s}var L=class{constructor(e,t){this.config=e;this.bubbles=new Map;this.conversation=P();this.busy=!1;this.exited=!1;this.stop=new AbortController;let s=t.attachShadow({mode:"open"});de(s,K),t.style.setProperty("--rg-color",e.color),t.style.setProperty("--rg-on-color",D(e.color));let i=o("div",{class:"rg",lang:"sv"}),n=o("button",{class:"exit",type:"button"},"Lämna sidan snabbt");n.addEventListener("click",()=>this.exit()),this.announcer=o("p",{class:"visually-hidden",role:"status"}),this.dock=o("div",{class:"dock"}),this.panel=o("section",{class:"panel",id:"rg-panel","aria-labelledby":"rg-title"}),this.panel.hidden=!0;let a=o("div",{class:"header"}),d=o("button",{class:"close",type:"button","aria-label":"Stäng chatten"},"Stäng");d.addEventListener("click",()=>this.close()),a.append(o("h2",{id:"rg-title"},e.title),d);let l=o("p",{class:"safety"});l.append("Akut fara? Ring ",R()),this.log=o("div",{class:"log",role:"log","aria-live":"polite","aria-label":"Samtalet",tabindex:"0"}),this.typing=o("div",{class:"typing",role:"status"}),this.typing.hidden=!0;let f=o("span",{class:"dots","aria-hidden":"true"});f.append(o("span"),o("span"),o("span")),this.typing.append(f,`${e.title} skriver …`),this.problem=o("div",{class:"problem",role:"alert"}),this.problem.hidden=!0;let h=o("button",{type:"button"},"Försök igen");h.addEventListener("click",()=>this.pump());let u=o("p");u.append("Är du i fara? Ring ",R(),"."),this.problemText=o("p",{},V),this.problem.append(this.problemText,u,h);let p=o("form",{class:"form"});this.input=o("textarea",{id:"rg-input",rows:"1",autocomplete:"off","aria-describedby":"rg-hint"}),this.hint=o("p",{id:"rg-hint",class:"visually-hidden"},"Enter skickar. Shift och Enter ger ny rad.");let b=o("button",{class:"send",type:"submit"},"Skicka");p.append(o("label",{for:"rg-input"},"Skriv ditt meddelande"),this.input,b,this.hint),p.addEventListener("submit",m=>{m.preventDefault(),this.submitTyped()}),this.input.addEventListener("keydown",m=>{m.key==="Enter"&&!m.shiftKey&&!m.isComposing&&(m.preventDefault(),this.submitTyped())});let y=o("details",{class:"about"});y.append(o("summary",{},"Vad gör Lämna sidan snabbt?"));for(let m of ae)y.append(o("p",{},m));let c=o("button",{class:"erase",type:"button"},"Radera samtalet");this.confirmErase=o("div",{class:"confirm",role:"group","aria-label":"Radera samtalet"}),this.confirmErase.hidden=!0;let x=o("button",{type:"button"},"Ja, radera"),v=o("button",{type:"button"},"Avbryt");this.confirmErase.append(o("p",{},"Vill du radera samtalet? Det tas bort här och på servern och går inte att få tillbaka."),x,v),c.addEventListener("click",()=>{this.confirmErase.hidden=!1,x.focus()}),x.addEventListener("click",()=>{this.erase().then(()=>c.focus())}),v.addEventListener("click",()=>{this.confirmErase.hidden=!0,c.focus()}),this.status=o("p",{class:"status",role:"status"});let U=o("div",{class:"tools"});U.append(c,this.confirmErase,this.status),this.panel.append(a,l,this.log,this.typing,this.problem,p,U,y),this.safetyMini=o("p",{class:"safety-mini"}),this.safetyMini.append("Akut fara? Ring ",R()),this.launcher=o("button",{class:"launcher",type:"button","aria-expanded":"false","aria-controls":"rg-panel"},`Chatta med ${e.title}`),this.launcher.addEventListener("click",()=>this.open()),this.dock.append(this.panel,this.safetyMini,this.launcher),i.append(n,this.announcer,this.dock),s.append(i),this.showConversation(),W(()=>this.exit(),(m,B)=>{let q=m==="Escape"?"Esc":"Shift";this.announcer.textContent=`Tryck ${q} ${B===1?"en gång":`${B} gånger`} till för att lämna sidan.`}),(e.startOpen||this.conversation)&&this.open(!1)}open(e=!0){this.panel.hidden=!1,this.dock.classList.add("open"),this.launcher.hidden=!0,this.safetyMini.hidden=!0,this.launcher.setAttribute("aria-expanded","true"),this.scrollToEnd(),e&&this.input.focus()}close(){this.panel.hidden=!0,this.dock.classList.remove("open"),this.launcher.hidden=!1,this.safetyMini.hidden=!1,this.launcher.setAttribute("aria-expanded","false"),this.launcher.focus()}exit(){let e=this.conversation?.secret;e&&H(this.config.serverUrl,e),$(this.config.exitUrl,()=>{this.exited=!0,this.stop.abort(),this.conversation=null,M(),this.log.replaceChildren(),this.input.value=""})}async erase(){let e=this.conversation?.secret;this.stop.abort(),this.stop=new AbortController,this.conversation=null,M(),this.bubbles.clear(),this.confirmErase.hidden=!0,this.problem.hidden=!0,this.typing.hidden=!0,this.busy=!1,this.showConversation();let t=e?await H(this.config.serverUrl,e):!0;this.status.textContent=t?"Samtalet är raderat.":"Samtalet är raderat här. Servern gick inte att nå; där raderas det automatiskt efter 30 dagar."}submitTyped(){let e=this.input.value.trim();if(e){if(e.length>Z){this.hint.textContent=`Meddelandet är för långt (${e.length} tecken). Skriv högst ${Z} tecken åt gången.`,this.hint.className="note";return}this.hint.textContent="Enter skickar. Shift och Enter ger ny rad.",this.hint.className="visually-hidden",this.input.value="",this.submit({from:"user",text:e})}}submit(e){this.conversation||(this.conversation=I()),this.status.textContent="";for(let t of this.conversation.messages)t.buttons&&(delete t.buttons,this.bubbles.get(t)?.querySelector(".choices")?.remove());e.id=T(),e.status="sending",this.conversation.messages.push(e),this.addBubble(e),S(this.conversation),this.pump()}async pump(){if(this.busy||!this.conversation)return;this.busy=!0,this.problem.hidden=!0;let e=this.conversation,t=this.stop;try{let s;for(;s=e.messages.find(i=>i.from==="user"&&i.status!=="sent");){this.setStatus(s,"sending"),this.typing.hidden=!1,this.scrollToEnd();let i;try{i=await J(this.config.serverUrl,e.id,s.payload??s.text,s.id??T(),t.signal)}catch(a){if(this.exited||this.conversation!==e)return;this.setStatus(s,"failed"),this.problemText.textContent=a instanceof w?a.text:V,this.problem.hidden=!1;return}finally{this.conversation===e&&(this.typing.hidden=!0)}if(this.exited||this.conversation!==e)return;this.setStatus(s,"sent");let n;for(let a of i){let d={from:"bot",text:a.text};a.buttons.length&&(d.buttons=a.buttons),e.messages.push(d);let l=this.addBubble(d);n??(n=l)}n&&this.scrollToShow(n),S(e)}}finally{this.conversation===e&&(this.busy=!1)}}setStatus(e,t){e.status=t,this.conversation&&S(this.conversation);let s=this.bubbles.get(e)?.querySelector(".note");s&&(s.textContent=t==="failed"?"Inte skickat än":"")}showConversation(){if(this.log.replaceChildren(),this.addBubble({from:"bot",text:se}),!!this.conversation){for(let e of this.conversation.messages)e.status==="sending"&&(e.status="failed"),this.addBubble(e);this.conversation.messages.some(e=>e.status==="failed")&&(this.problem.hidden=!1)}}addBubble(e){let t=o("div",{class:`msg ${e.from}`});if(t.append(o("span",{class:"visually-hidden"},e.from==="user"?"Du: ":`${this.config.title}: `)),t.append(A(e.text)),e.from==="user"&&t.append(o("span",{class:"note"},e.status==="failed"?"Inte skickat än":"")),this.log.append(t),e.buttons){let s=o("div",{class:"choices",role:"group","aria-label":"Svarsalternativ"});for(let i of e.buttons){let n=o("button",{type:"button"},i.title);n.addEventListener("click",()=>{this.submit({from:"user",text:i.title,payload:i.payload}),this.input.focus()}),s.append(n)}t.append(s)}return this.bubbles.set(e,t),this.scrollToEnd(),t}scrollToEnd(){this.log.scrollTop=this.log.scrollHeight}scrollToShow(e){let t=e.getBoundingClientRect().top-this.log.getBoundingClientRect().top;this.log.scrollTop+=t-8}};function R(){return o("a",{href:"tel:112"},"112")}function de(r,e){try{let t=new CSSStyleSheet;t.replaceSync(e),r.adoptedStyleSheets=[t]}catch{r.append(o("style",{},e))}}var le=document.currentScript;function X(){if(window.Resursguiden)return;let r=document.createElement("div");r.id="resursguiden-widget",document.body.append(r);let e=new L(z(le),r);window.Resursguiden={open:()=>e.open(),close:()=>e.close(),exit:()=>e.exit()}}document.body?X():document.addEventListener("DOMContentLoaded",X,{once:!0});})();
