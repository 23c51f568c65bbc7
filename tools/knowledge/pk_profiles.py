#!/usr/bin/env python3
"""Writes inference-core/src/main/resources/knowledge/medication/pk-profiles.csv: which ingredients are
strong/moderate/weak inhibitors or inducers, or sensitive / narrow-therapeutic-range / prodrug substrates,
of CYP3A4, CYP2D6, CYP2C9, CYP2C19, CYP1A2 and P-gp. The source of every row is named; the class of a
perpetrator follows the FDA table, a label's own classification is named where it differs.

    python3 tools/knowledge/pk_profiles.py
"""
import csv, os
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', '..', 'inference-core', 'src', 'main', 'resources', 'knowledge', 'medication')
F="FDA, Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers (2023; US Government work)"
rows=[]
def add(pathway, role, cls, names, src=F, override=""):
    for n in names.split(';'):
        rows.append([pathway, n.strip(), role, cls, override, src])
# CYP3A4
add("CYP3A4","inhibitor","strong","clarithromycin;itraconazole;ketoconazole;posaconazole;voriconazole;ritonavir;indinavir;nelfinavir;saquinavir;lopinavir;tipranavir;telithromycin;nefazodone;telaprevir;conivaptan")
add("CYP3A4","inhibitor","strong","atazanavir;darunavir;fosamprenavir", F+"; boosted protease inhibitors per product labels")
add("CYP3A4","inhibitor","moderate","erythromycin;fluconazole;diltiazem;verapamil;dronedarone;ciprofloxacin;aprepitant;imatinib;ciclosporin;fluvoxamine;nilotinib")
add("CYP3A4","inhibitor","weak","cimetidine;ranitidine;amlodipine;atorvastatin;cilostazol;ranolazine;ticagrelor;tacrolimus")
add("CYP3A4","inducer","strong","rifampicin;carbamazepine;phenytoin")
add("CYP3A4","inducer","strong","phenobarbital;primidone;rifapentine", F+" (moderate in the clinical index); product labels (Brilinta USPI 7.4, FSRH 2022 enzyme-inducing drugs) treat them as strong inducers")
add("CYP3A4","inducer","moderate","efavirenz;bosentan;modafinil;rifabutin;nafcillin")
add("CYP3A4","inducer","moderate","oxcarbazepine", "FSRH Clinical Guidance: Drug Interactions with Hormonal Contraception (2022); AEMPS ficha técnica Trileptal 4.5")
add("CYP3A4","substrate","sensitive","midazolam;triazolam;buspirone;sildenafil;vardenafil;avanafil;everolimus;budesonide;fluticasone;felodipine;nisoldipine;eletriptan;darifenacin;quetiapine;alfentanil;saquinavir;dasatinib;maraviroc")
add("CYP3A4","substrate","sensitive","simvastatin;lovastatin", F+"; AEMPS fichas técnicas simvastatina/lovastatina 4.3 (contraindicated with strong CYP3A4 inhibitors)", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","sensitive","ticagrelor", F+"; EMA SmPC Brilique 4.3 (strong CYP3A4 inhibitors contraindicated) and 4.5 (avoid strong inducers)", "strong-inhibitor=contraindicated;strong-inducer=major")
add("CYP3A4","substrate","sensitive","eplerenone", F+"; AEMPS ficha técnica eplerenona 4.3", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","sensitive","ivabradine", "EMA SmPC Procoralan 4.3 (potent CYP3A4 inhibitors contraindicated)", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","sensitive","ranolazine", "EMA SmPC Ranexa 4.3 (potent CYP3A4 inhibitors contraindicated)", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","sensitive","lercanidipine", "AEMPS ficha técnica lercanidipino 4.3 (potent CYP3A4 inhibitors contraindicated)", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","sensitive","domperidone", "AEMPS nota informativa MUH(FV) 04/2014 (domperidona: contraindicated with potent CYP3A4 inhibitors)", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","sensitive","alfuzosin;silodosin", "AEMPS fichas técnicas alfuzosina/silodosina 4.3 (potent CYP3A4 inhibitors)", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","sensitive","dronedarone", F+"; EMA SmPC Multaq 4.3", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","nti","pimozide;ergotamine;dihydroergotamine", F+" (narrow therapeutic range); product labels 4.3 (contraindicated with strong CYP3A4 inhibitors)", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","nti","tacrolimus;ciclosporin;sirolimus;fentanyl;quinidine", F+" (narrow therapeutic range substrates)")
add("CYP3A4","substrate","sensitive","oxycodone", "FDA boxed warning for oxycodone (CYP3A4 interaction, 2016); AEMPS ficha técnica oxicodona 4.5")
add("CYP3A4","substrate","moderate","alprazolam;atorvastatin;tadalafil;nifedipine;solifenacin;tamsulosin;methadone;apixaban;rivaroxaban;aripiprazole;colchicine;carbamazepine;amlodipine;zolpidem")
add("CYP3A4","substrate","inducer-sensitive","ethinylestradiol;estradiol;levonorgestrel;desogestrel;etonogestrel;drospirenone;norgestimate", "FSRH Clinical Guidance: Drug Interactions with Hormonal Contraception (2022); AEMPS fichas técnicas 4.5")
add("CYP3A4","substrate","inducer-sensitive","eribulin", "EMA SmPC Halaven 4.5 (CYP3A4 inducers may lower eribulin exposure)")
add("CYP3A4","inhibitor","strong","amprenavir;troleandomycin")
add("CYP3A4","substrate","inducer-sensitive","atazanavir;darunavir;fosamprenavir;amprenavir;indinavir;nelfinavir;lopinavir;tipranavir;saquinavir", "Product labels of HIV protease inhibitors (4.3/4.5: rifampicin, St John's wort and enzyme-inducing anticonvulsants contraindicated; loss of virological response)", "strong-inducer=contraindicated")
add("CYP3A4","substrate","inducer-sensitive","norethisterone;ethynodiol;mestranol;norelgestromin", "FSRH Clinical Guidance: Drug Interactions with Hormonal Contraception (2022); FDA labels 7")
add("CYP3A4","substrate","nti","methylergometrine;ergonovine;methysergide", F+" (ergot alkaloids); product labels 4.3 (contraindicated with strong CYP3A4 inhibitors)", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","sensitive","cisapride;astemizole;terfenadine", "FDA labels (withdrawn drugs: contraindicated with strong CYP3A4 inhibitors, QT prolongation)", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","nti","amiodarone", "FDA label Norvir (ritonavir) 4 contraindications; AEMPS ficha técnica Trangorex 4.5", "")
add("CYP3A4","substrate","nti","irinotecan", "FDA label Camptosar 7 (strong CYP3A4 inhibitors contraindicated; strong inducers: avoid)", "strong-inhibitor=contraindicated")
add("CYP3A4","substrate","sensitive","erlotinib;gefitinib;sunitinib;lapatinib;pazopanib;nilotinib;docetaxel;cabazitaxel;ixabepilone;temsirolimus", F+"; product labels 2/7 (avoid strong CYP3A4 inhibitors and inducers or adjust the dose)")
add("CYP3A4","substrate","nti","vinblastine;vincristine", "FDA labels vincristine/vinblastine (CYP3A4 inhibitors: severe neurotoxicity)")
add("CYP3A4","substrate","moderate","prednisolone;methylprednisolone;dexamethasone;sorafenib", "Product labels 4.5 (CYP3A4 inhibitors raise corticosteroid exposure: Cushing's syndrome)")
# CYP2D6
add("CYP2D6","inhibitor","strong","paroxetine;fluoxetine;bupropion;quinidine;terbinafine")
add("CYP2D6","inhibitor","moderate","duloxetine;cinacalcet;mirabegron")
add("CYP2D6","inhibitor","weak","sertraline;escitalopram;citalopram;amiodarone;celecoxib;cimetidine;labetalol")
add("CYP2D6","substrate","sensitive","atomoxetine;desipramine;dextromethorphan;nebivolol;nortriptyline;perphenazine;tolterodine;venlafaxine")
add("CYP2D6","substrate","nti","flecainide;propafenone", F+"; AEMPS fichas técnicas flecainida/propafenona 4.5 (narrow margin antiarrhythmics)")
add("CYP2D6","substrate","nti","thioridazine;pimozide", F+"; product labels 4.3 (contraindicated with strong CYP2D6 inhibitors)", "strong-inhibitor=contraindicated")
add("CYP2D6","substrate","moderate","metoprolol;amitriptyline;imipramine;clomipramine;vortioxetine;risperidone;iloperidone;haloperidol;carvedilol")
add("CYP2D6","substrate","prodrug","codeine;tramadol;tamoxifen", F+"; AEMPS fichas técnicas 4.5 (activation by CYP2D6: codeine→morphine, tramadol→O-desmethyltramadol, tamoxifen→endoxifen)")
# CYP2C9
add("CYP2C9","inhibitor","moderate","fluconazole;amiodarone;miconazole")
add("CYP2C9","inhibitor","moderate","voriconazole;metronidazole;sulfamethoxazole", "Product labels (warfarin USPI 7, AEMPS ficha técnica Sintrom 4.5): inhibit CYP2C9-mediated S-warfarin clearance")
add("CYP2C9","inhibitor","weak","fluvastatin;fluvoxamine;sertraline")
add("CYP2C9","inducer","moderate","rifampicin;carbamazepine")
add("CYP2C9","substrate","nti","warfarin;acenocoumarol;phenytoin", F+"; AEMPS ficha técnica Sintrom 4.5 (narrow therapeutic range)", "moderate-inhibitor=major")
add("CYP2C9","substrate","sensitive","glimepiride;glipizide;glibenclamide;gliclazide;tolbutamide", F+"; AEMPS fichas técnicas sulfonilureas 4.5 (hypoglycaemia)")
add("CYP2C9","substrate","moderate","celecoxib;ibuprofen;losartan")
# CYP2C19
add("CYP2C19","inhibitor","strong","fluconazole;fluvoxamine;ticlopidine")
add("CYP2C19","inhibitor","moderate","omeprazole;esomeprazole;voriconazole;fluoxetine;felbamate")
add("CYP2C19","inhibitor","weak","cimetidine;pantoprazole;lansoprazole;rabeprazole;ketoconazole")
add("CYP2C19","inducer","strong","rifampicin")
add("CYP2C19","inducer","moderate","efavirenz;phenytoin")
add("CYP2C19","substrate","sensitive","lansoprazole;omeprazole")
add("CYP2C19","substrate","moderate","diazepam;esomeprazole;rabeprazole;citalopram;escitalopram;sertraline")
add("CYP2C19","substrate","prodrug","clopidogrel", F+"; AEMPS nota informativa 2010/04 (clopidogrel y omeprazol/esomeprazol); FDA boxed warning Plavix")
# CYP1A2
add("CYP1A2","inhibitor","strong","ciprofloxacin;fluvoxamine;enoxacin")
add("CYP1A2","inhibitor","moderate","methoxsalen;mexiletine;zileuton;ethinylestradiol")
add("CYP1A2","inhibitor","weak","cimetidine;allopurinol;famotidine;propafenone")
add("CYP1A2","inducer","moderate","phenytoin;rifampicin;ritonavir")
add("CYP1A2","substrate","sensitive","tizanidine;agomelatine", F+"; AEMPS fichas técnicas tizanidina/agomelatina 4.3 (contraindicated with potent CYP1A2 inhibitors)", "strong-inhibitor=contraindicated")
add("CYP1A2","substrate","sensitive","duloxetine", F+"; AEMPS ficha técnica duloxetina 4.3 (potent CYP1A2 inhibitors contraindicated)", "strong-inhibitor=contraindicated")
add("CYP1A2","substrate","sensitive","melatonin;ramelteon;caffeine;alosetron")
add("CYP1A2","substrate","nti","clozapine;theophylline;aminophylline", F+"; AEMPS fichas técnicas clozapina/teofilina 4.5 (narrow therapeutic range)")
add("CYP1A2","substrate","moderate","olanzapine;ropinirole;rasagiline")
# P-gp
add("P-gp","inhibitor","strong","ketoconazole;itraconazole;ciclosporin;dronedarone", F+" (P-gp inhibitors); EMA SmPC Pradaxa 4.3 (potent P-gp inhibitors named)")
add("P-gp","inhibitor","moderate","amiodarone;carvedilol;clarithromycin;erythromycin;propafenone;quinidine;ranolazine;ritonavir;verapamil;lapatinib", F+" (P-gp inhibitors)")
add("P-gp","inhibitor","weak","ticagrelor;azithromycin;atorvastatin")
add("P-gp","inducer","strong","rifampicin;carbamazepine;phenytoin", F+" (P-gp inducers)")
add("P-gp","substrate","nti","dabigatran etexilate", F+"; EMA SmPC Pradaxa 4.3/4.5", "strong-inhibitor=contraindicated")
add("P-gp","substrate","nti","digoxin;colchicine", F+" (P-gp substrates with a narrow therapeutic range)")
add("P-gp","substrate","sensitive","edoxaban;aliskiren", F+"; EMA SmPC Lixiana/Rasilez 4.5")
with open(os.path.join(OUT, 'pk-profiles.csv'),'w',newline='',encoding='utf-8') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['pathway','ingredient','role','class','override','source']); w.writerows(rows)
print(len(rows), 'pk profile rows')
