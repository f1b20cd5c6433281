import sys, yaml, re, glob, os
TYPES={"housing_company","cooperative","social_organization","municipality","public_agency","network","initiative","association","politics","research","other"}
KINDS={"cooperation","funding","space_provision","personnel","advice","membership","referral","participation","knowledge_transfer","other"}
GEN={"soziale Organisation","Wohnungswirtschaft"}
def occ(text,s):
    return [m.start() for m in re.finditer(r'(?<!\w)'+re.escape(s)+r'(?!\w)',text)]
ok=True
for gy in sorted(glob.glob(sys.argv[1]+'/*.gold.yaml')):
    d=yaml.safe_load(open(gy,encoding='utf-8'))
    t=open(os.path.join(os.path.dirname(gy),d['protocol']),encoding='utf-8').read()
    errs=[]
    assert d.get('guidelines')==2
    first=t.strip().split('\n')[0]
    if d['title'] not in t: errs.append('title not in text')
    if d['title']!=first.strip().strip('*').strip(): errs.append(f'title != first line {first!r}')
    names={a['name']:a for a in d['actors']}
    owner={}
    for a in d['actors']:
        if a['type'] not in TYPES: errs.append('type '+a['name'])
        for al in a.get('aliases',[]):
            if al not in a['mentions']: errs.append('alias not mention '+al)
        for m in a['mentions']:
            if not occ(t,m): errs.append('mention not found '+m)
            if m in owner: errs.append('dup mention '+m)
            owner[m]=a['name']
    allm=sorted(owner,key=len,reverse=True)
    def spans(text):
        # longest match wins
        taken=[];res=[]
        for m in allm:
            for p in occ(text,m):
                if any(p<e and p+len(m)>s for s,e in taken): continue
                taken.append((p,p+len(m)));res.append((p,m,owner[m]))
        return sorted(res)
    full=spans(t)
    cnt={}
    for p,m,o in full: cnt[o]=cnt.get(o,0)+1
    for n in names:
        if n not in cnt: errs.append('actor without occurrence '+n)
    seen=set()
    for ti in d['ties']:
        a,b=ti['between']
        for x in (a,b):
            if x not in names: errs.append('tie name? '+x)
        if ti['kind'] not in KINDS: errs.append('kind '+ti['kind'])
        if ti.get('status') not in ('existing','planned','desired'): errs.append('status '+str(ti))
        ev=ti['evidence']
        if ev not in t: errs.append('evidence not found: '+ev); continue
        key=(frozenset((a,b)),ti['kind'])
        if key in seen: errs.append(f'dup tie {a}-{b} {ti["kind"]}')
        seen.add(key)
        inev={o for p,m,o in spans(ev)}
        inf=ti.get('inferred')
        miss=[x for x in (a,b) if x not in inev]
        if not inf and miss: errs.append(f'tie {a}-{b}: not in evidence {miss}')
        if inf:
            if inf not in ('coreference','previous_subject','respondent','host','heading','publisher'): errs.append('inferred? '+inf)
            if len(miss)>1 and inf!='coreference': errs.append(f'inferred tie misses both {a}-{b}')
            if inf=='coreference':
                an=ti.get('anaphor')
                if not an or not occ(ev,an): errs.append(f'anaphor missing {a}-{b} {an}')
            if not miss and inf!='coreference': errs.append(f'inferred but both present {a}-{b}')
    for k in ('needs','offers'):
        for n in d.get(k) or []:
            if n['actor'] not in names and n['actor'] not in GEN: errs.append('need actor '+n['actor'])
            if n['text'] not in t: errs.append(k+' text not found: '+n['text'])
    for e in d.get('events') or []:
        if e['title'] not in t: errs.append('event title not found '+e['title'])
    words=len(re.findall(r'\w+',t))
    print(os.path.basename(gy), 'words',words,'actors',len(d['actors']),'ties',len(d['ties']),
          'inferred',sum(1 for x in d['ties'] if x.get('inferred')),'events',len(d.get('events') or []),
          'needs',len(d.get('needs') or []),'offers',len(d.get('offers') or []))
    print('  status', {s:sum(1 for x in d['ties'] if x['status']==s) for s in ('existing','planned','desired')}, 'kinds', sorted({x['kind'] for x in d['ties']}))
    for e in errs: print('  ERR',e); ok=False
    if '-v' in sys.argv:
        for p,m,o in full: print('   ',p,repr(m),'->',o)
print('OK' if ok else 'FAIL')
